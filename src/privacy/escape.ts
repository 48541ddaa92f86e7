// Escaping of untrusted text for its destination: Slack mrkdwn and HTML e-mail. Pure.
// Notifiers escape EVERY string taken from an item (excerpt, source name, reasons) just before rendering.

/* eslint-disable no-control-regex */
// C0 controls except \t and \n, DEL, C1 controls; \r is handled first (CRLF / CR → LF).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidirectional overrides/isolates and marks ("Trojan Source" reordering), zero-width space, word joiner, BOM.
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes control, bidi-override and zero-width characters; normalises newlines; repairs lone surrogates. */
export function stripControl(s: string): string {
  return String(s ?? '')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '');
}

export interface SlackEscapeOptions {
  /**
   * Also neutralise mrkdwn formatting (bold, italic, strike, code, block quotes) so a post cannot dress itself up
   * as part of the alert. Default true. Set false only for strings the app itself wrote.
   */
  formatting?: boolean;
}

const ZWSP = '\u200b';

/**
 * Makes untrusted text inert inside Slack mrkdwn (`text` fields, `mrkdwn` blocks):
 * `&`, `<`, `>` become entities so `<!channel>`, `<!here>`, `<@U123>`, `<#C1>`, `<http://evil|click>` cannot
 * form; `@channel` / `@here` / `@everyone` are broken up; formatting characters `* _ ~ \`` are swapped for
 * look-alikes and a leading `>` cannot start a quote; control and bidi characters are removed.
 */
export function escapeSlackMrkdwn(s: string, opts: SlackEscapeOptions = {}): string {
  let out = stripControl(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Plain-text broadcast words are only linked with link_names, but never rely on the caller's flags.
  // (ZWSP is inserted after stripControl on purpose.)
  out = out.replace(/@(?=(?:channel|here|everyone)\b)/gi, '@' + ZWSP);
  if (opts.formatting !== false) {
    out = out
      .replace(/\*/g, '\u2217') // ∗ asterisk operator
      .replace(/_/g, '\uff3f') // ＿ fullwidth low line
      .replace(/~/g, '\u223c') // ∼ tilde operator
      .replace(/`/g, '\u02cb') // ˋ modifier grave accent
      .replace(/^([ \t]*)&gt;/gm, `$1${ZWSP}&gt;`);
  }
  return out;
}

/**
 * A Slack link `<url|label>`, or just the escaped label when the URL is not plain http(s).
 * `|` and `>` in the URL are percent-encoded so it cannot end early; the label is escaped like any text.
 */
export function slackLink(url: string | null | undefined, label: string): string {
  const safeLabel = escapeSlackMrkdwn(label).replace(/\|/g, '\u2223');
  let parsed: URL;
  try {
    parsed = new URL(String(url ?? ''));
  } catch {
    return safeLabel;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return safeLabel;
  const href = parsed.href.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${href}|${safeLabel}>`;
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content AND quoted attribute values: `& < > " '`; strips control characters. */
export function escapeHtml(s: string): string {
  return stripControl(s).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** A safe href for HTML e-mail: only http(s) and mailto, escaped; anything else becomes "#". */
export function safeHref(url: string | null | undefined): string {
  try {
    const u = new URL(String(url ?? ''));
    if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:') return escapeHtml(u.href);
  } catch {
    // fall through
  }
  return '#';
}
