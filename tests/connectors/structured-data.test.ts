// Golden folders: tests/fixtures/connectors/structured-data/<case>/{page.html, options.json, expected.json}.
// A new real-world shape = a new folder. `{origin}` in expected.json stands for the local server.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import sd from '../../connectors/structured-data.ts';
import { SelectorMatchedNothingError } from '../../src/core/errors.ts';
import { startServer, type TestServer } from '../helpers/http-server.ts';
import { pollOnce, testHttp } from './_helpers.ts';

const DIR = fileURLToPath(new URL('../fixtures/connectors/structured-data/', import.meta.url));
let s: TestServer;
const http = testHttp();
before(async () => {
  s = await startServer();
});
after(async () => {
  await http.close();
  await s.close();
});

for (const c of readdirSync(DIR)) {
  test(`golden: ${c}`, async () => {
    s.route('/p/' + c, { headers: { 'content-type': 'text/html; charset=utf-8' }, body: readFileSync(join(DIR, c, 'page.html')) });
    const options = JSON.parse(readFileSync(join(DIR, c, 'options.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(DIR, c, 'expected.json'), 'utf8').replaceAll('{origin}', s.origin));
    const { items } = await pollOnce(sd, { ...options, url: s.url('/p/' + c) }, http);
    assert.deepEqual(items, expected);
  });
}

test('the default page: facts, nested reviews, a broken JSON-LD block and a non-matching employee do not interfere', async () => {
  s.route('/d', { body: readFileSync(join(DIR, 'default', 'page.html')) });
  const { items } = await pollOnce(sd, { url: s.url('/d'), business_name: 'Maple Grove Family Clinic' }, http);
  const [listing, ...reviews] = items;
  assert.equal(listing!.kind, 'listing');
  assert.deepEqual(listing!.facts!.telephone, ['(555) 010-2030', '+1-555-010-2031']);
  assert.deepEqual(listing!.facts!.openingHours, ['Mo,Tu,We,Th,Fr 08:00-17:00', 'Sa 09:00-12:00']);
  assert.equal(reviews.length, 3);
  assert.deepEqual(reviews.map((r) => r.rating), [5, 1, 4], '8/10 becomes 4');
  assert.equal(reviews[1]!.title, 'Billing nightmare');
  // Without the filter the first business on the page is the listing.
  const all = await pollOnce(sd, { url: s.url('/d') }, http);
  assert.equal(all.items[0]!.facts!.name, 'Maple Grove Family Clinic & Lab');
});

test('reviews of other practices on the page are left out', async () => {
  s.route('/v', { body: readFileSync(join(DIR, 'vitals-nearby', 'page.html')) });
  const { items } = await pollOnce(sd, { url: s.url('/v'), business_name: "Riverside Women's Health" }, http);
  assert.ok(items.every((i) => !/Lakeside|Not about our practice/.test(i.text)));
  const other = await pollOnce(sd, { url: s.url('/v'), business_name: 'Lakeside OB/GYN' }, http);
  assert.deepEqual(other.items.map((i) => i.kind), ['listing', 'review', 'review']);
  assert.equal(other.items[0]!.facts!.name, 'Lakeside OB/GYN');
});

test('a page with no schema.org data, or without the named business, is a layout change', async () => {
  s.route('/none', { body: '<html><head><script type="application/ld+json">{"@type":"WebSite","name":"x"}</script></head><body>Reviews</body></html>' });
  const err = await pollOnce(sd, { url: s.url('/none') }, http).catch((e: unknown) => e);
  assert.ok(err instanceof SelectorMatchedNothingError);
  assert.match(err.message, /^page layout changed: no schema\.org business or review data found/);
  s.route('/d2', { body: readFileSync(join(DIR, 'default', 'page.html')) });
  await assert.rejects(pollOnce(sd, { url: s.url('/d2'), business_name: 'Nonexistent Clinic' }, http), /no business named like "Nonexistent Clinic"/);
});

test('review ids: @id, else a distinct url, else a content hash; stable and unique', async () => {
  const review = (extra: string, body: string) =>
    `{"@type":"Review","author":"A","datePublished":"2026-01-02","reviewBody":"${body}","reviewRating":{"ratingValue":3}${extra}}`;
  const page = (url: string) => `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Dentist","name":"D","review":[
    ${review(',"@id":"#r1"', 'one')}, ${review(`,"url":"${url}"`, 'two')}, ${review('', 'three')}, ${review('', 'three')}]}</script>`;
  s.route('/ids', (_q, res) => void res.end(page(s.url('/ids'))));
  const { items } = await pollOnce(sd, { url: s.url('/ids') }, http);
  const ids = items.filter((i) => i.kind === 'review').map((i) => i.externalId);
  assert.equal(ids.length, 3, 'the exact duplicate is dropped');
  assert.equal(ids[0], s.url('/ids#r1'));
  assert.match(ids[1]!, /^sha256:/, 'a url equal to the page identifies nothing');
  assert.match(ids[2]!, /^sha256:/);
  assert.notEqual(ids[1], ids[2]);
  const again = await pollOnce(sd, { url: s.url('/ids') }, testHttp());
  assert.deepEqual(again.items.map((i) => i.externalId), items.map((i) => i.externalId));
});
