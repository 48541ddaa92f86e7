import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, brotliCompressSync, deflateSync, deflateRawSync } from 'node:zlib';
import {
  createHttpClient,
  createMemoryValidatorStore,
  parseRetryAfter,
  sourceHttpClient,
  type HttpClientOptions,
} from '../../src/http/client.ts';
import {
  HttpStatusError,
  RobotsDisallowedError,
  SourceAuthError,
  SourceError,
  SourceParseError,
} from '../../src/core/errors.ts';
import { startServer, send, type TestServer } from '../helpers/http-server.ts';

const servers: TestServer[] = [];
const clients: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
});

async function server(routes: Parameters<typeof startServer>[0]) {
  const s = await startServer(routes);
  servers.push(s);
  return s;
}

/** A client with no politeness gap and a recording fake sleep: no test waits for real. */
function client(over: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const c = createHttpClient({
    userAgent: 'PracticeWatch/0.1 (+https://example.org/bot)',
    timeoutMs: 5_000,
    maxBodyBytes: 1024 * 1024,
    maxRedirects: 3,
    retries: 2,
    perHostIntervalMs: 0,
    sleep: async (ms) => void sleeps.push(ms),
    ...over,
  });
  clients.push(c);
  return Object.assign(c, { sleeps });
}

test('GET sends a clear User-Agent and returns status, final URL and decoded body', async () => {
  const s = await server({ '/a': { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'héllo' } });
  const r = await client().get(s.url('/a'));
  assert.equal(r.status, 200);
  assert.equal(r.url, s.url('/a'));
  assert.equal(r.body, 'héllo');
  assert.equal(r.notModified, false);
  assert.match(String(s.hits('/a')[0]!.headers['user-agent']), /^PracticeWatch\/0\.1/);
  assert.match(String(s.hits('/a')[0]!.headers['accept-encoding']), /gzip/);
});

test('conditional GET: validators stored after a 200, sent next time, 304 gives notModified', async () => {
  const s = await server({
    '/feed': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return send(res, { status: 304 });
      send(res, { headers: { etag: '"v1"', 'last-modified': 'Tue, 03 Nov 2026 10:00:00 GMT' }, body: '<rss/>' });
    },
  });
  const validators = createMemoryValidatorStore();
  const c = client({ validators });
  const first = await c.get(s.url('/feed'));
  assert.equal(first.notModified, false);
  assert.deepEqual(validators.get(s.url('/feed')), { etag: '"v1"', lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT' });
  const second = await c.get(s.url('/feed'));
  assert.equal(second.notModified, true);
  assert.equal(second.body, '');
  const h = s.hits('/feed')[1]!.headers;
  assert.equal(h['if-none-match'], '"v1"');
  assert.equal(h['if-modified-since'], 'Tue, 03 Nov 2026 10:00:00 GMT');
  // conditional: false sends no validators
  await c.get(s.url('/feed'), { conditional: false });
  assert.equal(s.hits('/feed')[2]!.headers['if-none-match'], undefined);
});

test('validators are not stored from an error response', async () => {
  const s = await server({ '/x': { status: 404, headers: { etag: '"nope"' } } });
  const validators = createMemoryValidatorStore();
  await assert.rejects(client({ validators }).get(s.url('/x')), HttpStatusError);
  assert.equal(validators.size(), 0);
});

test('429 with Retry-After is retried after the advertised delay', async () => {
  const s = await server({
    '/r': (_req, res, n) => (n === 1 ? send(res, { status: 429, headers: { 'retry-after': '3' } }) : send(res, { body: 'ok' })),
  });
  const c = client();
  const r = await c.get(s.url('/r'));
  assert.equal(r.body, 'ok');
  assert.deepEqual(c.sleeps, [3000]);
  assert.equal(s.hits('/r').length, 2);
});

test('a Retry-After beyond the cap is not waited for: HttpStatusError carries retryAfterMs', async () => {
  const s = await server({ '/r': { status: 503, headers: { 'retry-after': '3600' } } });
  const c = client({ maxRetryAfterMs: 10_000 });
  const err = await c.get(s.url('/r')).catch((e: unknown) => e);
  assert.ok(err instanceof HttpStatusError);
  assert.equal(err.status, 503);
  assert.equal(err.retryAfterMs, 3_600_000);
  assert.equal(err.retryable, true);
  assert.equal(s.hits('/r').length, 1);
  assert.deepEqual(c.sleeps, []);
});

test('500 then 200 is retried with exponential backoff', async () => {
  const s = await server({ '/r': (_q, res, n) => send(res, n < 3 ? { status: 500 } : { body: 'fine' }) });
  const c = client({ retryBaseMs: 100 });
  assert.equal((await c.get(s.url('/r'))).body, 'fine');
  assert.deepEqual(c.sleeps, [100, 200]);
});

test('500 on every attempt fails with a clear message that never includes the body', async () => {
  const s = await server({ '/r': { status: 500, body: 'stack trace mentioning Jane Invented' } });
  const c = client({ retries: 2 });
  const err = await c.get(s.url('/r')).catch((e: unknown) => e);
  assert.ok(err instanceof HttpStatusError);
  assert.equal(err.message, `[GET] ${s.url('/r')}: 500 Internal Server Error`);
  assert.equal(err.code, 'PW_HTTP_STATUS');
  assert.equal(s.hits('/r').length, 3);
});

test('404 is not retried; 401 is a SourceAuthError', async () => {
  const s = await server({ '/gone': { status: 404 }, '/auth': { status: 401 } });
  const c = client();
  const e404 = await c.get(s.url('/gone')).catch((e: unknown) => e);
  assert.ok(e404 instanceof HttpStatusError && e404.retryable === false);
  assert.equal(s.hits('/gone').length, 1);
  await assert.rejects(c.get(s.url('/auth')), SourceAuthError);
  assert.equal(s.hits('/auth').length, 1);
});

test('a reset connection is retried', async () => {
  const s = await server({ '/flaky': (req, res, n) => void (n === 1 ? req.socket.destroy() : send(res, { body: 'back' })) });
  const c = client();
  assert.equal((await c.get(s.url('/flaky'))).body, 'back');
  assert.equal(c.sleeps.length, 1);
});

test('a server that never answers times out with a clear SourceError', async () => {
  const s = await server({ '/slow': () => undefined });
  const c = client({ timeoutMs: 150, retries: 0 });
  const err = await c.get(s.url('/slow')).catch((e: unknown) => e);
  assert.ok(err instanceof SourceError);
  assert.match(err.message, /: timed out after 150ms$/);
});

test('a body over the cap is aborted: with Content-Length, chunked, and as a gzip bomb', async () => {
  const big = 'x'.repeat(300 * 1024);
  const s = await server({
    '/cl': { body: big },
    '/chunked': (_q, res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write(big.slice(0, 50 * 1024));
      res.end();
    },
    '/bomb': { headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(2 * 1024 * 1024)) },
  });
  const c = client({ maxBodyBytes: 200 * 1024 });
  for (const p of ['/cl', '/chunked', '/bomb']) {
    const err = await c.get(s.url(p)).catch((e: unknown) => e);
    assert.ok(err instanceof SourceError, p);
    assert.equal(err.message, `[GET] ${s.url(p)}: response larger than 200 KB`);
    assert.equal(err.retryable, false);
  }
  const five = client({ maxBodyBytes: 5 * 1024 * 1024, retries: 0 });
  s.route('/huge', { body: Buffer.alloc(5 * 1024 * 1024 + 1) });
  await assert.rejects(five.get(s.url('/huge')), /response larger than 5 MB$/);
});

test('gzip, br, deflate (zlib and raw) bodies are decoded; a corrupt one is a SourceParseError', async () => {
  const text = 'Ünïcode review text '.repeat(50);
  const s = await server({
    '/gz': { headers: { 'content-encoding': 'gzip' }, body: gzipSync(text) },
    '/br': { headers: { 'content-encoding': 'br' }, body: brotliCompressSync(text) },
    '/df': { headers: { 'content-encoding': 'deflate' }, body: deflateSync(text) },
    '/raw': { headers: { 'content-encoding': 'deflate' }, body: deflateRawSync(text) },
    '/bad': { headers: { 'content-encoding': 'gzip' }, body: 'not gzip at all' },
  });
  const c = client();
  for (const p of ['/gz', '/br', '/df', '/raw']) assert.equal((await c.get(s.url(p))).body, text, p);
  await assert.rejects(c.get(s.url('/bad')), SourceParseError);
});

test('redirects are followed (relative Location) and the final URL is reported; loops stop', async () => {
  const s = await server({
    '/old': { status: 301, headers: { location: '/mid' } },
    '/mid': { status: 302, headers: { location: '/new?page=1' } },
    '/new': { body: 'arrived' },
    '/loop': { status: 302, headers: { location: '/loop' } },
  });
  const c = client();
  const r = await c.get(s.url('/old'));
  assert.equal(r.body, 'arrived');
  assert.equal(r.url, s.url('/new?page=1'));
  await assert.rejects(c.get(s.url('/loop')), /too many redirects \(more than 3\)/);
});

test('robots.txt: disallow throws before the page is fetched; cached per host; opt-outs work', async () => {
  const s = await server({
    '/robots.txt': { body: 'User-agent: *\nDisallow: /private\n\nUser-agent: PracticeWatch\nDisallow: /no-pw\n' },
    '/private/page': { body: 'secret' },
    '/no-pw': { body: 'x' },
    '/public': { body: 'ok' },
  });
  const c = client();
  // Our own group applies (not the * group), so /private is allowed for us, /no-pw is not.
  assert.equal((await c.get(s.url('/private/page'), { scraped: true })).body, 'secret');
  const err = await c.get(s.url('/no-pw'), { scraped: true }).catch((e: unknown) => e);
  assert.ok(err instanceof RobotsDisallowedError);
  assert.equal(err.retryable, false);
  assert.equal(s.hits('/no-pw').length, 0);
  assert.equal((await c.get(s.url('/public'), { scraped: true })).body, 'ok');
  assert.equal(s.hits('/robots.txt').length, 1, 'robots.txt is cached');
  // Not a scraped request: robots does not apply.
  assert.equal((await c.get(s.url('/no-pw'))).body, 'x');
  // Per-source opt-out and per-client opt-out.
  assert.equal((await sourceHttpClient(c, { respectRobots: false }).get(s.url('/no-pw'), { scraped: true })).body, 'x');
  assert.equal((await client({ respectRobots: false }).get(s.url('/no-pw'), { scraped: true })).body, 'x');
});

test('robots.txt: 404 means allowed; a * disallow applies to us; the cache expires', async () => {
  const s = await server({ '/page': { body: 'p' } });
  let t = 1_000_000;
  const c = client({ now: () => t, robotsTtlMs: 60_000 });
  assert.equal((await c.get(s.url('/page'), { scraped: true })).body, 'p');
  s.route('/robots.txt', { body: 'User-agent: *\nDisallow: /\n' });
  assert.equal((await c.get(s.url('/page'), { scraped: true })).body, 'p', 'still the cached 404');
  t += 61_000;
  await assert.rejects(c.get(s.url('/page'), { scraped: true }), RobotsDisallowedError);
  assert.equal(s.hits('/robots.txt').length, 2);
});

test('charset from Content-Type, XML prolog and meta tag', async () => {
  const latin1 = Buffer.from('caf\xe9 \xabna\xefve\xbb', 'latin1');
  const s = await server({
    '/h': { headers: { 'content-type': 'text/plain; charset=windows-1252' }, body: latin1 },
    '/x': { headers: { 'content-type': 'application/xml' }, body: Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><r>'), latin1, Buffer.from('</r>')]) },
    '/m': { headers: { 'content-type': 'text/html' }, body: Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), latin1]) },
    '/u': { body: Buffer.from('\ufeffBOM first', 'utf8') },
  });
  const c = client();
  assert.equal((await c.get(s.url('/h'))).body, 'café «naïve»');
  assert.equal((await c.get(s.url('/x'))).body, '<?xml version="1.0" encoding="ISO-8859-1"?><r>café «naïve»</r>');
  assert.match((await c.get(s.url('/m'))).body, /café «naïve»$/);
  assert.equal((await c.get(s.url('/u'))).body, 'BOM first');
});

test('per-host politeness: the second request to a host waits out the interval', async () => {
  const s = await server({ '/a': { body: 'a' } });
  const c = client({ perHostIntervalMs: 2_000, now: () => 5_000 });
  await c.get(s.url('/a'));
  await c.get(s.url('/a'));
  await c.get(s.url('/a'));
  assert.deepEqual(c.sleeps, [2_000, 4_000]);
});

test('error messages strip credentials and query secrets', async () => {
  const s = await server({ '/api': { status: 400 } });
  const u = s.url('/api').replace('http://', 'http://user:hunter2@') + '?api_key=SEKRIT&page=2';
  const err = await client().get(u).catch((e: unknown) => e);
  assert.ok(err instanceof HttpStatusError);
  assert.doesNotMatch(err.message, /hunter2|SEKRIT|user:/);
  assert.match(err.message, /api_key=\*\*\*&page=2: 400 Bad Request$/);
});

test('an aborted signal stops the request', async () => {
  const s = await server({ '/slow': () => undefined });
  const ac = new AbortController();
  const p = client().get(s.url('/slow'), { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, (e: unknown) => e instanceof SourceError && /aborted$/.test(e.message));
});

test('parseRetryAfter reads seconds and HTTP dates', () => {
  const now = Date.parse('2026-11-03T10:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Tue, 03 Nov 2026 10:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Tue, 03 Nov 2026 09:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(undefined, now), null);
});
