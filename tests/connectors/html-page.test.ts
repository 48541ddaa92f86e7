import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import htmlPage from '../../connectors/html-page.ts';
import { ConfigError, RobotsDisallowedError, SelectorMatchedNothingError } from '../../src/core/errors.ts';
import { sourceHttpClient } from '../../src/http/client.ts';
import { startServer, send, type TestServer } from '../helpers/http-server.ts';
import { pollOnce, testCtx, testHttp } from './_helpers.ts';

const PAGE = readFileSync(new URL('../fixtures/connectors/html-page/default/page.html', import.meta.url));
let s: TestServer;
const http = testHttp();
before(async () => {
  s = await startServer({ '/testimonials': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE } });
});
after(async () => {
  await http.close();
  await s.close();
});

const opts = () => ({ ...htmlPage.example, url: s.url('/testimonials') });

test('the example selectors pick plain-text items with ratings, dates, absolute links and own ids', async () => {
  const { items } = await pollOnce(htmlPage, opts(), http);
  assert.equal(items.length, 3);
  assert.deepEqual(items[0], {
    externalId: 't-2031',
    kind: 'review',
    url: s.url('/testimonials/t-2031'),
    author: 'Jordan Q.',
    title: null,
    text: 'Dr. Rivera took the time to really listen. The front desk called me back the same day — thank you!',
    rating: 5,
    publishedAt: '2026-10-28T00:00:00.000Z',
  });
  assert.equal(items[1]!.text, 'Waited over an hour & nobody told us why.', 'scripts are dropped, entities decoded');
  assert.equal(items[1]!.rating, 2);
  assert.equal(items[1]!.publishedAt, '2026-10-21T19:04:00.000Z');
  assert.equal(items[1]!.url, s.url('/testimonials/t-2030'));
  assert.equal(items[2]!.url, s.url('/testimonials'), 'no permalink: the page itself');
  assert.equal(items[2]!.publishedAt, '2026-09-30T00:00:00.000Z');
  // Scraped: robots.txt was asked first.
  assert.equal(s.hits('/robots.txt').length, 1);
});

test('robots.txt disallow stops the poll; respect_robots: false on the source overrides it', async () => {
  const srv = await startServer({
    '/robots.txt': { body: 'User-agent: *\nDisallow: /testimonials\n' },
    '/testimonials': { body: PAGE },
  });
  const h = testHttp();
  try {
    const o = { ...htmlPage.example, url: srv.url('/testimonials') };
    await assert.rejects(pollOnce(htmlPage, o, h), RobotsDisallowedError);
    assert.equal(srv.hits('/testimonials').length, 0);
    const { items } = await pollOnce(htmlPage, o, sourceHttpClient(h, { respectRobots: false }));
    assert.equal(items.length, 3);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('an item selector that matches nothing is a layout change, not zero items (unless allow_empty)', async () => {
  s.route('/redesigned', { body: '<html><body><div class="review-card-v2">Great</div></body></html>' });
  const o = { ...opts(), url: s.url('/redesigned') };
  const err = await pollOnce(htmlPage, o, http).catch((e: unknown) => e);
  assert.ok(err instanceof SelectorMatchedNothingError);
  assert.equal(err.code, 'PW_SELECTOR_EMPTY');
  assert.match(err.message, /^page layout changed: the item selector matched nothing/);
  assert.deepEqual((await pollOnce(htmlPage, { ...o, allow_empty: true }, http)).items, []);
});

test('a text selector that matches in no item is a layout change too', async () => {
  const err = await pollOnce(htmlPage, { ...opts(), text: '.review-text-v2' }, http).catch((e: unknown) => e);
  assert.ok(err instanceof SelectorMatchedNothingError);
  assert.match(err.message, /text selector matched nothing/);
});

test('create() rejects a bad CSS selector without touching the network', () => {
  const before = s.requests.length;
  const config = htmlPage.configSchema.parse({ ...opts(), author: 'span[[' });
  assert.throws(() => htmlPage.create(config, testCtx(http)), (e: unknown) => e instanceof ConfigError && /author: "span\[\[" is not a valid CSS selector/.test(e.message));
  assert.equal(s.requests.length, before);
});

test('ratings from text, aria-label, a 10-point scale and counted stars', async () => {
  s.route('/ratings', {
    body: `<base href="https://reviews.example.org/clinic/">
      <ul>
        <li class="r"><span class="score">4/5</span><p>A</p><a href="r/1">#</a></li>
        <li class="r"><span class="score">Rated 3.5 out of 5</span><p>B</p><a href="r/2">#</a></li>
        <li class="r"><span class="score">8</span><p>C</p><a href="r/3">#</a></li>
        <li class="r"><span class="score">no rating yet</span><p>D</p><a href="r/4">#</a></li>
      </ul>`,
  });
  const base = { url: s.url('/ratings'), item: 'li.r', text: 'p', rating: '.score', link: 'a' };
  const five = await pollOnce(htmlPage, base, http);
  assert.deepEqual(five.items.map((i) => i.rating), [4, 3.5, null, null]);
  assert.equal(five.items[0]!.url, 'https://reviews.example.org/clinic/r/1', '<base href> honoured');
  assert.equal(five.items[0]!.externalId, 'https://reviews.example.org/clinic/r/1', 'link is the id');
  const ten = await pollOnce(htmlPage, { ...base, rating_scale: 10 }, http);
  assert.equal(ten.items[2]!.rating, 4);

  s.route('/stars', {
    body: `<div class="rv" data-rid="a1"><div class="stars" aria-label="Rated 2 of 5"><i class="star on"></i><i class="star on"></i><i class="star"></i></div><q>Meh</q></div>`,
  });
  const counted = await pollOnce(htmlPage, { url: s.url('/stars'), item: '.rv', text: 'q', rating_count: '.star.on', id_attr: 'data-rid' }, http);
  assert.equal(counted.items[0]!.rating, 2);
  assert.equal(counted.items[0]!.externalId, 'a1');
  const aria = await pollOnce(htmlPage, { url: s.url('/stars'), item: '.rv', text: 'q', rating: '.stars', rating_attr: 'aria-label' }, http);
  assert.equal(aria.items[0]!.rating, 2);
});

test('without ids or links, ids are content hashes: stable across polls, unique on the page', async () => {
  s.route('/plain', {
    body: `<div class="c"><b>Ana</b><span>Good care</span><a href="/plain">page</a></div>
           <div class="c"><b>Ben</b><span>Rude receptionist</span><a href="/plain">page</a></div>
           <div class="c"></div>`,
  });
  const o = { url: s.url('/plain'), item: '.c', author: 'b', text: 'span', link: 'a', kind: 'comment' };
  const a = await pollOnce(htmlPage, o, http);
  const b = await pollOnce(htmlPage, o, testHttp());
  assert.equal(a.items.length, 2, 'the empty block is skipped');
  assert.notEqual(a.items[0]!.externalId, a.items[1]!.externalId);
  assert.deepEqual(a.items.map((i) => i.externalId), b.items.map((i) => i.externalId));
  assert.ok(a.items.every((i) => i.kind === 'comment'));
});

test('conditional GET: an unchanged page is notModified', async () => {
  s.route('/etag', (req, res) =>
    req.headers['if-none-match'] === 'W/"p1"' ? send(res, { status: 304 }) : send(res, { headers: { etag: 'W/"p1"' }, body: PAGE }),
  );
  const h = testHttp();
  const c = htmlPage.create(htmlPage.configSchema.parse({ ...opts(), url: s.url('/etag') }), testCtx(h));
  assert.equal((await c.poll({ signal: new AbortController().signal })).items.length, 3);
  assert.equal((await c.poll({ signal: new AbortController().signal })).notModified, true);
  await h.close();
});

test('a windows-1252 page declared by meta charset decodes correctly', async () => {
  const body = Buffer.concat([
    Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><div class="r">'),
    Buffer.from('Tr\xe8s bien \x96 merci', 'latin1'),
    Buffer.from('</div></body></html>'),
  ]);
  s.route('/cp1252', { headers: { 'content-type': 'text/html' }, body });
  const { items } = await pollOnce(htmlPage, { url: s.url('/cp1252'), item: '.r' }, http);
  assert.equal(items[0]!.text, 'Très bien – merci');
});
