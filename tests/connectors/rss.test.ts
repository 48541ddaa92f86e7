import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rss from '../../connectors/rss.ts';
import { SourceParseError } from '../../src/core/errors.ts';
import { startServer, send, type TestServer } from '../helpers/http-server.ts';
import { pollOnce, testCtx, testHttp } from './_helpers.ts';

const FIXTURE = readFileSync(new URL('../fixtures/connectors/rss/default/feed.xml', import.meta.url));
const SHARED = join(process.cwd(), '..', 'shared', 'data');

let s: TestServer;
const http = testHttp();
before(async () => {
  s = await startServer({ '/blog/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: FIXTURE } });
});
after(async () => {
  await http.close();
  await s.close();
});

test('RSS 2.0: plain text, decoded entities, absolute URLs, ISO dates, stable ids', async () => {
  const { items } = await pollOnce(rss, { url: s.url('/blog/feed.xml') }, http);
  assert.equal(items.length, 3);
  const [a, b, c] = items;
  assert.deepEqual(a, {
    externalId: 'mgfc-post-1042',
    kind: 'post',
    url: 'https://www.example-family-clinic.com/blog/posts/flu-shots-2026',
    author: 'Clinic Staff',
    title: 'Flu shots now available & walk-ins welcome',
    text: 'Our flu clinic is open Monday to Friday. No appointment needed.',
    rating: null,
    publishedAt: '2026-11-02T14:30:00.000Z',
  });
  // No guid: the link is the id.
  assert.equal(b!.externalId, 'https://www.example-family-clinic.com/blog/posts/new-hours#comment-77');
  assert.equal(b!.text, 'Waited 40 minutes past my appointment time — again. Front desk was kind though.');
  assert.equal(b!.publishedAt, '2026-11-01T14:15:00.000Z');
  // Neither guid nor link: a hash of title + date, the same on every poll.
  assert.match(c!.externalId, /^sha256:[0-9a-f]{32}$/);
  assert.equal(c!.url, null);
  const again = await pollOnce(rss, { url: s.url('/blog/feed.xml') }, testHttp());
  assert.deepEqual(again.items.map((i) => i.externalId), items.map((i) => i.externalId));
});

test('kind and max_items options', async () => {
  const { items } = await pollOnce(rss, { url: s.url('/blog/feed.xml'), kind: 'comment', max_items: 2 }, testHttp());
  assert.equal(items.length, 2);
  assert.ok(items.every((i) => i.kind === 'comment'));
});

test('Atom with xml:base and relative links; author objects; summary fallback', async () => {
  s.route('/atom', {
    headers: { 'content-type': 'application/atom+xml' },
    body: `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://reviews.example.net/clinic/">
  <title>Reviews</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated>
  <entry><id>tag:reviews.example.net,2026:r/881</id><title type="html">&lt;b&gt;Great&lt;/b&gt; visit</title>
    <link href="r/881"/><updated>2026-11-01T10:00:00+02:00</updated><author><name>Sam Invented</name></author>
    <summary>Quick and friendly.</summary></entry>
</feed>`,
  });
  const { items } = await pollOnce(rss, { url: s.url('/atom'), kind: 'review' }, testHttp());
  assert.equal(items.length, 1);
  assert.equal(items[0]!.externalId, 'tag:reviews.example.net,2026:r/881');
  assert.equal(items[0]!.url, 'https://reviews.example.net/clinic/r/881');
  assert.equal(items[0]!.title, 'Great visit');
  assert.equal(items[0]!.author, 'Sam Invented');
  assert.equal(items[0]!.text, 'Quick and friendly.');
  assert.equal(items[0]!.publishedAt, '2026-11-01T08:00:00.000Z');
});

test('RSS 1.0 (RDF) feeds parse', async () => {
  s.route('/rdf', {
    body: `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://forum.example.org/"><title>Forum</title><link>https://forum.example.org/</link></channel>
  <item rdf:about="https://forum.example.org/t/12"><title>Anyone seen Dr. Lee?</title><link>https://forum.example.org/t/12</link>
    <description>Looking for opinions.</description><dc:date>2026-10-30T08:00:00Z</dc:date></item>
</rdf:RDF>`,
  });
  const { items } = await pollOnce(rss, { url: s.url('/rdf') }, testHttp());
  assert.equal(items.length, 1);
  assert.equal(items[0]!.externalId, 'https://forum.example.org/t/12');
  assert.equal(items[0]!.publishedAt, '2026-10-30T08:00:00.000Z');
});

test('a bare & in the feed is repaired, not fatal', async () => {
  s.route('/amp', {
    body: `<rss version="2.0"><channel><title>t</title><link>https://x.example.com/</link>
<item><title>Q&A night</title><link>https://x.example.com/?a=1&b=2</link><guid>g1</guid><description>Fish & chips</description></item></channel></rss>`,
  });
  const { items } = await pollOnce(rss, { url: s.url('/amp') }, testHttp());
  assert.equal(items[0]!.title, 'Q&A night');
  assert.equal(items[0]!.url, 'https://x.example.com/?a=1&b=2');
});

test('second poll sends validators and returns notModified on 304', async () => {
  s.route('/cond', (req, res) => {
    if (req.headers['if-none-match'] === '"abc"') return send(res, { status: 304 });
    send(res, { headers: { etag: '"abc"' }, body: FIXTURE });
  });
  const h = testHttp();
  const c = rss.create(rss.configSchema.parse({ url: s.url('/cond') }), testCtx(h));
  const first = await c.poll({ signal: new AbortController().signal });
  assert.equal(first.items.length, 3);
  const second = await c.poll({ signal: new AbortController().signal });
  assert.deepEqual(second, { items: [], notModified: true });
  assert.equal(s.hits('/cond')[1]!.headers['if-none-match'], '"abc"');
  await h.close();
});

test('malformed XML and an HTML page are SourceParseError "not an RSS or Atom feed"', async () => {
  s.route('/broken', { body: '<rss version="2.0"><channel><title>x</title><item><title>unclosed</item></channel>' });
  s.route('/html', { headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>' });
  s.route('/json', { body: '{"items": []}' });
  for (const p of ['/broken', '/html', '/json']) {
    const err = await pollOnce(rss, { url: s.url(p) }, testHttp()).catch((e: unknown) => e);
    assert.ok(err instanceof SourceParseError, p);
    assert.equal(err.message, `${s.url(p)}: not an RSS or Atom feed`);
  }
});

test('config: the url is required and unknown keys are rejected', () => {
  assert.equal(rss.configSchema.safeParse({}).success, false);
  assert.equal(rss.configSchema.safeParse({ url: 'https://x.example.com/f', selector: 'x' }).success, false);
  assert.equal(rss.configSchema.safeParse(rss.example).success, true);
});

// ---- real-world feeds from ../shared/data (skipped when absent) ----

const RP = join(SHARED, 'rss_parser_feeds', 'test');
test('rss-parser golden feeds: ids, links and dates match the golden output', { skip: !existsSync(RP) && 'no ../shared/data/rss_parser_feeds' }, async () => {
  const srv = await startServer();
  const h = testHttp();
  let compared = 0;
  try {
    for (const f of readdirSync(join(RP, 'input'))) {
      const name = f.replace(/\.(rss|atom)$/, '');
      srv.route('/' + f, { body: readFileSync(join(RP, 'input', f)) });
      if (name === 'unrecognized') {
        await assert.rejects(pollOnce(rss, { url: srv.url('/' + f) }, h), SourceParseError);
        continue;
      }
      const goldenPath = join(RP, 'output', name + '.json');
      if (!existsSync(goldenPath)) continue;
      const golden = JSON.parse(readFileSync(goldenPath, 'utf8')).feed as { items: Record<string, unknown>[] };
      const { items } = await pollOnce(rss, { url: srv.url('/' + f), max_items: 1000 }, h);
      const ids = new Set(items.map((i) => i.externalId));
      assert.equal(ids.size, items.length, `${f}: ids unique`);
      for (const g of golden.items) {
        const gid = (typeof g.guid === 'string' && g.guid) || (typeof g.id === 'string' && g.id) || null;
        const link = typeof g.link === 'string' ? new URL(g.link, srv.url('/' + f)).toString() : null;
        const mine = items.find((i) => (gid ? i.externalId === gid.trim() : i.url === link));
        if (!gid && !link) continue;
        assert.ok(mine, `${f}: item ${gid ?? link} found`);
        if (typeof g.isoDate === 'string') assert.equal(mine.publishedAt, g.isoDate, `${f}: date of ${gid ?? link}`);
        // Relative golden links are resolved against the channel link by us (rss-parser leaves them as they are).
        if (typeof g.link === 'string' && /^https?:/.test(g.link)) assert.equal(mine.url, link, `${f}: link`);
        else if (mine.url) assert.match(mine.url, /^https?:\/\//, `${f}: absolute link`);
        assert.ok(mine.text.length > 0 || g.title === undefined, `${f}: text`);
        compared++;
      }
    }
  } finally {
    await h.close();
    await srv.close();
  }
  assert.ok(compared > 200, `compared ${compared} items`);
  process.stdout.write(`rss-parser goldens: ${compared} items compared\n`);
});

const FP = join(SHARED, 'node_feedparser_feeds', 'test', 'feeds');
test('node-feedparser edge-case feeds: never crash, not-a-feed detected, relative URLs resolved', { skip: !existsSync(FP) && 'no ../shared/data/node_feedparser_feeds' }, async () => {
  const srv = await startServer();
  const h = testHttp();
  try {
    const results = new Map<string, Awaited<ReturnType<typeof pollOnce>> | Error>();
    for (const f of readdirSync(FP)) {
      const body = readFileSync(join(FP, f));
      const gz = body[0] === 0x1f && body[1] === 0x8b;
      srv.route('/en/games/neverwinter/news/' + f, { headers: gz ? { 'content-encoding': 'gzip' } : {}, body });
      const r = await pollOnce(rss, { url: srv.url('/en/games/neverwinter/news/' + f) }, h).catch((e: unknown) => e as Error);
      if (r instanceof Error) assert.ok(r instanceof SourceParseError, `${f}: ${r.message}`);
      results.set(f, r);
    }
    assert.ok(results.get('notafeed.html') instanceof SourceParseError);
    const rel = results.get('rss-with-relative-urls.xml');
    assert.ok(rel && !(rel instanceof Error));
    assert.equal(
      rel.items[0]!.url,
      srv.url('/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21'),
    );
    const dupes = results.get('guid-dupes.xml');
    assert.ok(dupes && !(dupes instanceof Error));
    assert.equal(dupes.items[0]!.externalId, 'http://www.braingle.com/50366.html');
    const sample = results.get('rss2sample.xml');
    assert.ok(sample && !(sample instanceof Error) && sample.items.length === 4);
    const parsed = [...results.values()].filter((r) => !(r instanceof Error)).length;
    assert.ok(parsed >= 25, `parsed ${parsed} of ${results.size}`);
    process.stdout.write(`node-feedparser feeds: ${parsed} of ${results.size} parsed, the rest SourceParseError\n`);
  } finally {
    await h.close();
    await srv.close();
  }
});
