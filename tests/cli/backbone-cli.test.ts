// Spawns bin/practicewatch: demo --once, fetch (the JSON-lines contract), config check, start with a bad config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../helpers/http-server.ts';
import { configText, tempDir } from '../helpers/backbone.ts';

const BIN = resolve('bin/practicewatch');

function cli(args: string[], cwd = process.cwd()): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, PRACTICEWATCH_LOG_LEVEL: 'silent', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', rej);
    p.on('close', (code) => res({ code, stdout, stderr }));
  });
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://127.0.0.1/</link>
<item><guid>g1</guid><title>Hello</title><link>http://127.0.0.1/p/1</link><author>Ada Quill</author>
<pubDate>Tue, 03 Nov 2026 22:14:00 GMT</pubDate><description>First post.</description></item>
<item><guid>g2</guid><title>Again</title><description>Second post.</description></item></channel></rss>`;

test('demo --once exits 0 and prints flagged items, masked', async () => {
  const t = tempDir();
  try {
    const r = await cli(['demo', '--once', '--db', join(t.dir, 'demo.db')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Serving the fictional "Maple Grove Family Medicine" on http:\/\/127\.0\.0\.1:\d+/);
    const blocks = r.stdout.split('─'.repeat(72)).slice(1);
    assert.ok(blocks.length >= 2, `expected flagged items, got:\n${r.stdout}`);
    for (const b of blocks) assert.match(b, /excerpt: "/);
    assert.match(r.stdout, /Done: \d+ new item\(s\), [1-9]\d* flagged, [1-9]\d* alert\(s\) delivered/);
    // The third party's name and birth date from the demo feed never reach the console unmasked.
    assert.ok(!r.stdout.includes('Ruth Calloway'));
    assert.ok(!r.stdout.includes('03/14/1961'));
    assert.ok(existsSync(join(t.dir, 'demo.db')));
  } finally {
    t.cleanup();
  }
});

test('fetch prints exactly the contract fields, one JSON object per line', async () => {
  const server = await startServer({ '/feed': { headers: { 'content-type': 'application/rss+xml' }, body: FEED } });
  try {
    const r = await cli(['fetch', '--source', JSON.stringify({ type: 'rss', url: server.url('/feed') })]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    const objs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of objs) {
      assert.deepEqual(Object.keys(o), ['externalId', 'kind', 'url', 'author', 'title', 'text', 'rating', 'publishedAt']);
      assert.ok(o.rating === null || (typeof o.rating === 'number' && o.rating >= 1 && o.rating <= 5));
      assert.ok(o.publishedAt === null || !Number.isNaN(Date.parse(String(o.publishedAt))));
    }
    assert.equal(objs[0]!.externalId, 'g1');
    assert.equal(objs[0]!.kind, 'post');
    assert.equal(objs[0]!.text, 'First post.');
    assert.equal(objs[0]!.publishedAt, '2026-11-03T22:14:00.000Z');
  } finally {
    await server.close();
  }
});

test('fetch: one-line errors and non-zero exit (closed port, not a feed, selector matched nothing, bad options)', async () => {
  const port = await closedPort();
  const server = await startServer({
    '/page': { headers: { 'content-type': 'text/html' }, body: '<!doctype html><html><body><p>No reviews here</p></body></html>' },
  });
  try {
    const cases: [object, RegExp][] = [
      [{ type: 'rss', url: `http://127.0.0.1:${port}/feed` }, /ECONNREFUSED|refused/i],
      [{ type: 'rss', url: server.url('/page') }, /not an RSS or Atom feed/],
      [{ type: 'html-page', url: server.url('/page'), item: 'div.review' }, /matched nothing|layout changed/],
      [{ type: 'rss' }, /url/],
      [{ type: 'nope', url: server.url('/page') }, /unknown source type "nope"; known types: .*rss/],
    ];
    for (const [source, re] of cases) {
      const r = await cli(['fetch', '--source', JSON.stringify(source)]);
      assert.notEqual(r.code, 0, JSON.stringify(source));
      assert.equal(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `one line for ${JSON.stringify(source)}: ${r.stderr}`);
      assert.match(lines[0]!, /^practicewatch fetch: /);
      assert.match(lines[0]!, re);
    }
  } finally {
    await server.close();
  }
});

test('config check: ok: N sources, or the located errors and exit 1; start with a bad config starts nothing', async () => {
  const t = tempDir();
  try {
    const good = join(t.dir, 'good.yaml');
    writeFileSync(good, configText('  - id: blog\n    type: rss\n    url: http://127.0.0.1:1/feed\n'));
    const ok = await cli(['config', 'check', '--config', good]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, 'ok: 1 source\n');

    const bad = join(t.dir, 'bad.yaml');
    const dbPath = join(t.dir, 'never.db');
    writeFileSync(bad, configText('  - id: blog\n    type: rss\n    url: http://127.0.0.1:1/feed\n    colour: red\n', `storage:\n  path: ${dbPath}\n`));
    const r = await cli(['config', 'check', '--config', bad]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `${bad}:18: sources[0].colour: unknown key\n`);
    const s = await cli(['start', '--config', bad]);
    assert.equal(s.code, 1);
    assert.equal(s.stderr, `${bad}:18: sources[0].colour: unknown key\n`);
    assert.equal(existsSync(dbPath), false, 'nothing started: no database created');
  } finally {
    t.cleanup();
  }
});

test('sources test <id> polls once, prints JSON lines and stores nothing; sources list shows the source', async () => {
  const server = await startServer({ '/feed': { headers: { 'content-type': 'application/rss+xml' }, body: FEED } });
  const t = tempDir();
  try {
    const dbPath = join(t.dir, 'pw.db');
    const file = join(t.dir, 'pw.yaml');
    writeFileSync(file, configText(`  - id: blog\n    type: rss\n    url: ${server.url('/feed')}\n`, `storage:\n  path: ${dbPath}\n`));
    const r = await cli(['sources', 'test', 'blog', '--config', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { externalId: string }).externalId), ['g1', 'g2']);
    assert.equal(existsSync(dbPath), false, 'nothing stored');
    const l = await cli(['sources', 'list', '--config', file]);
    assert.equal(l.code, 0, l.stderr);
    assert.match(l.stdout, /^ID\s+TYPE\s+SCHEDULE/);
    assert.match(l.stdout, /\nblog\s+rss\s+\*\/30 \* \* \* \*\s+not polled yet\n/);
    const u = await cli(['sources', 'test', 'nope', '--config', file]);
    assert.equal(u.code, 1);
    assert.equal(u.stderr, 'practicewatch sources: no source "nope" (known: blog)\n');
  } finally {
    await server.close();
    t.cleanup();
  }
});
