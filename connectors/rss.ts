// RSS 0.9x / 1.0 / 2.0 and Atom feeds. We fetch (ctx.http: conditional GET, retries, body cap) and hand the
// text to rss-parser's parseString; rss-parser never touches the network.
import { z } from 'zod';
import Parser from 'rss-parser';
import { defineConnector } from '../src/core/connector.ts';
import { SourceParseError } from '../src/core/errors.ts';
import type { ItemKind, RawItem } from '../src/core/types.ts';
import { redactUrl } from '../src/http/url.ts';
import { htmlToText, nonEmpty } from './_lib/text.ts';
import { absoluteUrl } from './_lib/url.ts';
import { toIso } from './_lib/date.ts';
import { stableHash } from './_lib/ids.ts';

const configSchema = z
  .object({
    url: z.url().describe('Address of the feed (RSS 0.9x/1.0/2.0 or Atom).'),
    kind: z
      .enum(['post', 'review', 'comment'])
      .default('post')
      .describe('What the entries are: `review` for a review feed, `comment` for a comments feed, else `post`.'),
    max_items: z.number().int().min(1).max(1000).default(200).describe('Read at most this many entries, newest first as the feed lists them.'),
  })
  .strict();

type FeedItem = Parser.Item & Record<string, unknown>;

export default defineConnector({
  type: 'rss',
  title: 'RSS / Atom feed',
  description:
    "Reads an RSS (0.9x, 1.0, 2.0) or Atom feed: the practice's own blog or news feed, a review site's feed, " +
    'a forum or comments feed. Each entry becomes one item; its id is the entry `guid`/`id`, else its link, ' +
    'else a hash of title and date, so it never changes between polls. Relative links are resolved against ' +
    '`xml:base`, the channel link and the feed address. Uses conditional GET, so an unchanged feed costs one ' +
    '304. A page that is not a feed (an HTML error page, a login wall) fails the poll with "not an RSS or Atom feed".',
  configSchema,
  example: { url: 'https://www.example-family-clinic.com/blog/feed.xml', kind: 'post', max_items: 50 },
  defaultSchedule: '*/30 * * * *',
  create(config, ctx) {
    // defaultRSS: a bare <rss> without a version attribute is read as RSS 2.0.
    const parser = new Parser({ defaultRSS: 2 });
    return {
      async poll({ signal }) {
        const res = await ctx.http.get(config.url, {
          signal,
          accept: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
        });
        if (res.notModified) return { items: [], notModified: true };
        const feed = await parseFeed(parser, res.body, res.url);
        const items = toItems(feed, res.url, res.body, config.kind, config.max_items);
        ctx.log.debug({ source: ctx.sourceId, items: items.length }, 'rss: parsed');
        return { items };
      },
    };
  },
});

async function parseFeed(parser: Parser, body: string, url: string): Promise<Parser.Output<Record<string, unknown>>> {
  const notAFeed = (cause?: unknown) =>
    new SourceParseError(`${redactUrl(url)}: not an RSS or Atom feed`, true, cause ? { cause } : undefined);
  const head = body.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) throw notAFeed();
  if (!/<(rss|feed|rdf:rdf)[\s>]/i.test(body.slice(0, 64 * 1024))) throw notAFeed();
  try {
    return await parser.parseString(body);
  } catch (first) {
    // The commonest real-world breakage: a bare "&" in a link or title. Escape those and try once more.
    const repaired = body.replace(/&(?!(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi, '&amp;');
    if (repaired === body) throw notAFeed(first);
    try {
      return await parser.parseString(repaired);
    } catch {
      throw notAFeed(first);
    }
  }
}

function toItems(
  feed: Parser.Output<Record<string, unknown>>,
  feedUrl: string,
  body: string,
  kind: 'post' | 'review' | 'comment',
  max: number,
): RawItem[] {
  const base = baseUrl(feed, feedUrl, body);
  const seen = new Set<string>();
  const out: RawItem[] = [];
  for (const raw of (feed.items ?? []) as FeedItem[]) {
    if (out.length >= max) break;
    const url = absoluteUrl(str(raw.link), base);
    const title = nonEmpty(htmlToText(str(raw.title)));
    const publishedAt = toIso(raw.isoDate) ?? toIso(raw.pubDate) ?? toIso(str(raw['dc:date']));
    const externalId = guidOf(raw) ?? url ?? stableHash(title, publishedAt, str(raw.contentSnippet));
    if (seen.has(externalId)) continue; // duplicate guids: the first one wins
    seen.add(externalId);
    const html = str(raw['content:encoded']) ?? str(raw.content) ?? str(raw.summary) ?? str(raw.contentSnippet);
    const text = htmlToText(html) || title || '';
    out.push({
      externalId,
      kind: kind as ItemKind,
      url,
      author: nonEmpty(str(raw.creator) ?? str(raw.author) ?? str(raw['dc:creator'])),
      title,
      text,
      rating: null,
      publishedAt,
    });
  }
  return out;
}

/** Resolution base for relative links: root xml:base, else the channel link, else the feed's own address. */
function baseUrl(feed: Parser.Output<Record<string, unknown>>, feedUrl: string, body: string): string {
  const xmlBase = body.slice(0, 4096).match(/<(?:feed|rss|channel|rdf:RDF)\b[^>]*\sxml:base\s*=\s*["']([^"']*)["']/i)?.[1];
  let base = feedUrl;
  if (xmlBase !== undefined) base = absoluteUrl(xmlBase, feedUrl) ?? feedUrl;
  else if (feed.link) base = absoluteUrl(feed.link, feedUrl) ?? feedUrl;
  return base;
}

function guidOf(item: FeedItem): string | null {
  const g = item.guid as unknown;
  if (typeof g === 'string' && g.trim()) return g.trim();
  if (g && typeof g === 'object' && typeof (g as { _?: unknown })._ === 'string') return ((g as { _: string })._).trim() || null;
  const id = item.id;
  return typeof id === 'string' && id.trim() ? id.trim() : null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return null;
}
