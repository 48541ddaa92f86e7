// Text normalisation shared by connectors: HTML → plain text, entities decoded, whitespace collapsed.
import { load } from 'cheerio';

const BLOCK = 'p,div,br,li,ul,ol,tr,td,th,h1,h2,h3,h4,h5,h6,blockquote,section,article,header,footer,dd,dt,pre,hr';

/** Plain text of an HTML fragment (or of plain text with entities). Scripts and styles are dropped. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return collapse(html);
  const $ = load(html, null, false);
  $('script,style,noscript,template').remove();
  // Keep words in adjacent blocks apart: "<p>a</p><p>b</p>" → "a b", not "ab".
  $(BLOCK).each((_, el) => {
    $(el).prepend(' ').append(' ');
  });
  return collapse($.root().text());
}

export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** A trimmed non-empty string, or null. */
export function nonEmpty(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = collapse(s);
  return t ? t : null;
}
