// Any web page with a list of reviews / comments / posts, picked out by CSS selectors (cheerio).
import { z } from 'zod';
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { defineConnector } from '../src/core/connector.ts';
import { ConfigError, SelectorMatchedNothingError } from '../src/core/errors.ts';
import type { RawItem } from '../src/core/types.ts';
import { redactUrl } from '../src/http/url.ts';
import { htmlToText, nonEmpty } from './_lib/text.ts';
import { absoluteUrl } from './_lib/url.ts';
import { toIso } from './_lib/date.ts';
import { stableHash } from './_lib/ids.ts';
import { normaliseRating, parseRatingText } from './_lib/rating.ts';

const sel = (what: string) => z.string().min(1).optional().describe(what);

const configSchema = z
  .object({
    url: z.url().describe('Address of the page that lists the reviews or posts.'),
    item: z.string().min(1).describe('CSS selector matching each review/post block, e.g. `div.review`.'),
    text: sel('Selector (inside an item) of the body text. Default: all the text of the item.'),
    title: sel('Selector (inside an item) of a title or headline.'),
    author: sel('Selector (inside an item) of the author name.'),
    date: sel('Selector (inside an item) of the date. Its `datetime`/`content` attribute is used when present, else its text.'),
    date_attr: z.string().min(1).optional().describe('Read the date from this attribute of the `date` element instead.'),
    rating: sel('Selector (inside an item) of the rating, e.g. text like "4 stars", "4/5" or "★★★★☆". Default: the item itself when `rating_attr` is set.'),
    rating_attr: z.string().min(1).optional().describe('Read the rating from this attribute (e.g. `data-rating`, `aria-label`) of the `rating` element (or of the item).'),
    rating_count: sel('Selector of filled-star elements inside an item: the rating is how many match, e.g. `.star.filled`.'),
    rating_scale: z.number().positive().default(5).describe('Best possible rating on the page when it shows a bare number (5, 10, 100…). Normalised to 1–5.'),
    link: sel('Selector (inside an item) of a link (`href`) to the item itself. Default: the page address.'),
    id: sel('Selector (inside an item) whose text (or `id_attr`) is the item\'s own id.'),
    id_attr: z.string().min(1).optional().describe('Attribute holding the item id: on the `id` element, or on the item itself when `id` is not set (e.g. `data-review-id`).'),
    kind: z.enum(['review', 'post', 'comment']).default('review').describe('What the items are.'),
    allow_empty: z.boolean().default(false).describe('Allow a page where `item` matches nothing (else that is reported as a layout change).'),
  })
  .strict();

type Config = z.output<typeof configSchema>;
const SELECTOR_KEYS = ['item', 'text', 'title', 'author', 'date', 'rating', 'rating_count', 'link', 'id'] as const;

export default defineConnector({
  type: 'html-page',
  title: 'Web page (CSS selectors)',
  description:
    "Scrapes items from one web page with CSS selectors: a practice's own testimonials page, a forum thread, a small " +
    'directory site without structured data. One selector (`item`) finds each review block; the others are looked up ' +
    'inside it. Ratings are read from text ("4 stars", "4/5", "★★★★☆"), an attribute or by counting star elements, and ' +
    'normalised to 1–5. robots.txt is honoured (`respect_robots: false` on the source overrides). If `item` matches ' +
    'nothing the poll fails with "page layout changed", so a redesign raises a source-broken alert instead of silence. ' +
    'Ids: `id`/`id_attr`, else the item link, else a hash of author, date and text.',
  configSchema,
  example: {
    url: 'https://www.example-family-clinic.com/testimonials',
    item: 'article.testimonial',
    text: '.testimonial-body',
    author: '.testimonial-author',
    date: 'time',
    rating: '.stars',
    rating_attr: 'data-rating',
    link: 'a.permalink',
    id_attr: 'data-id',
  },
  defaultSchedule: '0 */2 * * *',
  create(config, ctx) {
    for (const key of SELECTOR_KEYS) {
      const s = config[key];
      if (s !== undefined) checkSelector(key, s);
    }
    return {
      async poll({ signal }) {
        const res = await ctx.http.get(config.url, { signal, scraped: true, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
        if (res.notModified) return { items: [], notModified: true };
        const items = extract(res.body, res.url, config);
        ctx.log.debug({ source: ctx.sourceId, items: items.length }, 'html-page: extracted');
        return { items };
      },
    };
  },
});

function checkSelector(key: string, selector: string): void {
  try {
    load('<div></div>')(selector);
  } catch (err) {
    throw new ConfigError(`${key}: "${selector}" is not a valid CSS selector`, undefined, undefined, key, { cause: err });
  }
}

function extract(html: string, pageUrl: string, config: Config): RawItem[] {
  const $ = load(html);
  const base = absoluteUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const blocks = $(config.item);
  if (blocks.length === 0) {
    if (config.allow_empty) return [];
    throw new SelectorMatchedNothingError(`page layout changed: the item selector matched nothing ("${config.item}" on ${redactUrl(pageUrl)})`);
  }
  const out: RawItem[] = [];
  const seen = new Set<string>();
  let textFound = false;
  blocks.each((_, el) => {
    const item = $(el);
    const textEls = config.text ? item.find(config.text) : item;
    if (textEls.length > 0) textFound = true;
    const title = config.title ? nonEmpty(htmlToText(item.find(config.title).first().html())) : null;
    const text = joinText($, textEls) || title || '';
    const author = config.author ? nonEmpty(item.find(config.author).first().text()) : null;
    const publishedAt = readDate(item, config);
    const rating = readRating(item, config);
    if (!text && rating === null) return; // an empty shell (ad slot, placeholder)
    const link = config.link ? absoluteUrl(attrOrSelf(item, config.link, 'href'), base) : null;
    const ownId = readId(item, config);
    const hash = stableHash(author, publishedAt, text);
    let externalId = ownId ?? link ?? hash;
    if (seen.has(externalId)) externalId = hash; // e.g. every item links to the same page
    if (seen.has(externalId)) return; // the very same item twice on the page
    seen.add(externalId);
    out.push({ externalId, kind: config.kind, url: link ?? pageUrl, author, title, text, rating, publishedAt });
  });
  if (config.text && !textFound) {
    throw new SelectorMatchedNothingError(`page layout changed: the text selector matched nothing ("${config.text}" on ${redactUrl(pageUrl)})`);
  }
  return out;
}

function joinText($: CheerioAPI, els: Cheerio<AnyNode>): string {
  const parts: string[] = [];
  els.each((_, e) => {
    const t = htmlToText($(e).html());
    if (t) parts.push(t);
  });
  return parts.join(' ');
}

/** The attribute of the first element matching `selector` inside item (or of the item itself if it matches). */
function attrOrSelf(item: Cheerio<AnyNode>, selector: string, attr: string): string | undefined {
  const found = item.is(selector) ? item : item.find(selector).first();
  return found.attr(attr) ?? undefined;
}

function readDate(item: Cheerio<AnyNode>, config: Config): string | null {
  if (!config.date) return null;
  const el = item.find(config.date).first();
  if (el.length === 0) return null;
  if (config.date_attr) return toIso(el.attr(config.date_attr));
  return toIso(el.attr('datetime')) ?? toIso(el.attr('content')) ?? toIso(el.text().trim()) ?? toIso(el.attr('title'));
}

function readRating(item: Cheerio<AnyNode>, config: Config): number | null {
  if (config.rating_count) {
    const n = item.find(config.rating_count).length;
    return n > 0 ? normaliseRating(n, config.rating_scale) : null;
  }
  if (!config.rating && !config.rating_attr) return null;
  const el = config.rating ? (item.is(config.rating) ? item : item.find(config.rating).first()) : item;
  if (el.length === 0) return null;
  const raw = config.rating_attr ? el.attr(config.rating_attr) : el.text() || el.attr('aria-label') || el.attr('title');
  return parseRatingText(raw, config.rating_scale);
}

function readId(item: Cheerio<AnyNode>, config: Config): string | null {
  if (config.id) {
    const el = item.find(config.id).first();
    return nonEmpty(config.id_attr ? el.attr(config.id_attr) : el.text());
  }
  return config.id_attr ? nonEmpty(item.attr(config.id_attr)) : null;
}
