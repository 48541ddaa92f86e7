// Registry-wide contract: every connector's `example`, run against its default fixture
// (tests/fixtures/connectors/<type>/default/<one page file>) served at the example URL's path on a local server.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import cron from 'node-cron';
import { connectors, getConnector } from '../../connectors/index.ts';
import type { RawItem } from '../../src/core/types.ts';
import { startServer, type TestServer } from '../helpers/http-server.ts';
import { testCtx, testHttp } from './_helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const servers: TestServer[] = [];
after(async () => Promise.all(servers.map((s) => s.close())));

const CONTENT_TYPES: Record<string, string> = {
  xml: 'application/rss+xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
};

test('registry: every connectors/*.ts file is registered once, under its file name', () => {
  const files = readdirSync(join(ROOT, 'connectors'))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  assert.deepEqual(connectors.map((c) => c.type).sort(), files);
  assert.equal(new Set(connectors.map((c) => c.type)).size, connectors.length);
  for (const c of connectors) assert.equal(getConnector(c.type), c);
});

for (const def of connectors) {
  test(`contract: ${def.type}`, async () => {
    // Schema: strict, every option described, the example valid, the schedule a cron expression.
    assert.ok(cron.validate(def.defaultSchedule), 'defaultSchedule is a cron expression');
    assert.ok(def.title && def.description.length > 40, 'title and description');
    const js = z.toJSONSchema(def.configSchema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { description?: string }>;
      additionalProperties?: boolean;
    };
    assert.equal(js.additionalProperties, false, 'configSchema is strict');
    for (const [k, p] of Object.entries(js.properties)) assert.ok(p.description, `option ${k} has .describe()`);
    const example = def.configSchema.parse(def.example) as Record<string, unknown>;
    assert.equal(typeof example.url, 'string', 'example has a url');

    // Serve the default fixture at the example URL's path.
    const dir = join(ROOT, 'tests', 'fixtures', 'connectors', def.type, 'default');
    assert.ok(existsSync(dir), `fixture folder ${dir}`);
    const file = readdirSync(dir).find((f) => !/^(options|expected)\.json$/.test(f));
    assert.ok(file, 'a fixture page');
    const exampleUrl = new URL(example.url as string);
    const s = await startServer({
      [exampleUrl.pathname]: {
        headers: { 'content-type': CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream' },
        body: readFileSync(join(dir, file)),
      },
    });
    servers.push(s);
    const config = def.configSchema.parse({ ...(def.example as object), url: s.url(exampleUrl.pathname + exampleUrl.search) });

    const polls: RawItem[][] = [];
    for (let i = 0; i < 2; i++) {
      const http = testHttp();
      const before = s.requests.length;
      const conn = def.create(config, testCtx(http));
      assert.equal(s.requests.length, before, 'create() does no network');
      const r = await conn.poll({ signal: new AbortController().signal });
      await http.close();
      assert.notEqual(r.notModified, true);
      polls.push(r.items);
    }
    const [items, again] = polls as [RawItem[], RawItem[]];
    assert.ok(items.length > 0, 'the default fixture yields items');
    const ids = items.map((i) => i.externalId);
    assert.ok(ids.every((id) => typeof id === 'string' && id.length > 0), 'externalIds non-empty');
    assert.equal(new Set(ids).size, ids.length, 'externalIds unique');
    assert.deepEqual(again.map((i) => i.externalId), ids, 'externalIds identical across polls');
    for (const it of items) {
      assert.ok(['review', 'post', 'comment', 'listing'].includes(it.kind), `kind ${it.kind}`);
      if (it.kind === 'review') assert.ok(it.text.trim().length > 0, `review ${it.externalId} has text`);
      assert.doesNotMatch(it.text, /<[a-z][^>]*>|&[a-z]+;|\s{2,}/i, 'text is plain, decoded, collapsed');
      if (it.url !== null) assert.match(it.url, /^https?:\/\/[^/]/, 'url absolute');
      if (it.publishedAt !== null) {
        assert.equal(new Date(it.publishedAt).toISOString(), it.publishedAt, 'ISO date');
        assert.ok(Date.parse(it.publishedAt) <= Date.now() + 86_400_000, 'date not in the future');
      }
      if (it.rating !== null) assert.ok(it.rating >= 1 && it.rating <= 5, 'rating 1–5');
      if (it.kind === 'listing') assert.ok(it.facts, 'listing has facts');
    }
  });
}
