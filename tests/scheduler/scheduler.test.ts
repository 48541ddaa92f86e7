import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, type Db } from '../../src/store/db.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { buildSources } from '../../src/daemon.ts';
import { createHttpClient, createMemoryValidatorStore } from '../../src/http/client.ts';
import { connectors } from '../../connectors/index.ts';
import { SelectorMatchedNothingError } from '../../src/core/errors.ts';
import { configText, item, scriptedConnector, silentLog, type Script } from '../helpers/backbone.ts';
import { startServer } from '../helpers/http-server.ts';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>http://x/</link>
<item><guid>p1</guid><title>Flu shots</title><description>Flu shots are in.</description></item>
<item><guid>p2</guid><title>Hours</title><description>New hours this summer.</description></item>
</channel></rss>`;

function outboxRows(db: Db) {
  return db.prepare('SELECT idempotency_key AS key, kind, payload_json FROM outbox ORDER BY id').all() as { key: string; kind: string; payload_json: string }[];
}

test('one failing and one hanging source do not stop a good one (real HTTP servers, rss connector)', async () => {
  const server = await startServer({
    '/good.xml': { headers: { 'content-type': 'application/rss+xml' }, body: FEED },
    '/broken.xml': { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Login</body></html>' },
    '/hang.xml': () => new Promise<void>(() => undefined), // never answers
  });
  const { config, practice } = parseConfig(
    configText(
      ['hang', 'broken', 'good'].map((n) => `  - id: ${n}\n    type: rss\n    url: ${server.url(`/${n}.xml`)}\n`).join(''),
      'http:\n  retries: 0\n  per_host_interval: 0s\n  concurrency: 2\n',
    ),
    't.yaml',
    { env: {} },
  );
  const http = createHttpClient({ userAgent: 'pw-test', timeoutMs: 5_000, maxBodyBytes: 1 << 20, maxRedirects: 2, retries: 0, perHostIntervalMs: 0, validators: createMemoryValidatorStore(), log: silentLog });
  const db = openDb(':memory:');
  const sources = buildSources(config.sources, connectors, { http, log: silentLog, now: Date.now, env: () => undefined, file: 't.yaml' });
  const sched = createScheduler({ db, config, practice, log: silentLog, sources, pollTimeoutMs: 300, jitterMs: 0 });
  try {
    const outcomes = await sched.pollAll();
    const by = Object.fromEntries(outcomes.map((o) => [o.sourceId, o]));
    assert.equal(by.good!.ok, true);
    assert.equal(by.broken!.ok, false);
    assert.match(String(by.broken!.error), /not an RSS or Atom feed/);
    assert.equal(by.hang!.ok, false);
    assert.match(String(by.hang!.error), /timed out/);
    assert.equal((db.prepare("SELECT count(*) AS n FROM items WHERE source_id = 'good'").get() as { n: number }).n, 2);
    const h = db.prepare('SELECT source_id, consecutive_failures, last_error_code FROM source_health ORDER BY source_id').all();
    assert.deepEqual(h, [
      { source_id: 'broken', consecutive_failures: 1, last_error_code: 'PW_SOURCE_PARSE' },
      { source_id: 'good', consecutive_failures: 0, last_error_code: null },
      { source_id: 'hang', consecutive_failures: 1, last_error_code: 'PW_POLL_TIMEOUT' },
    ]);
  } finally {
    await sched.stop(100);
    await http.close();
    await server.close();
  }
});

test('broken after N failures → ONE source_broken; next success → ONE source_recovered', async () => {
  const scripts = new Map<string, Script>();
  let failing = true;
  scripts.set('flaky', async () => {
    if (failing) throw new SelectorMatchedNothingError('page layout changed: the review selector matched nothing');
    return { items: [item('a', 'fine')] };
  });
  scripts.set('steady', async () => ({ items: [item('s', 'ok')] }));
  const registry = [scriptedConnector(scripts)];
  const { config, practice } = parseConfig(
    configText('  - id: flaky\n    type: scripted\n    name: Flaky page\n  - id: steady\n    type: scripted\n', 'slack:\n  enabled: false\n'),
    't.yaml',
    { registry, env: {} },
  );
  assert.equal(config.alerts.source_broken_after_failures, 3);
  const http = { get: () => Promise.reject(new Error('unused')) };
  let t = 1000;
  const db = openDb(':memory:');
  const sources = buildSources(config.sources, registry, { http, log: silentLog, now: () => t, env: () => undefined, file: 't.yaml' });
  const sched = createScheduler({ db, config, practice, log: silentLog, sources, now: () => t, jitterMs: 0 });
  const health = () => outboxRows(db).filter((r) => r.kind.startsWith('source_'));

  for (let i = 0; i < 2; i++) {
    t += 1000;
    await sched.pollAll();
  }
  assert.equal(health().length, 0, 'not yet');
  t += 1000;
  await sched.pollAll();
  t += 1000;
  await sched.pollAll();
  t += 1000;
  await sched.pollAll();
  const broken = health();
  assert.deepEqual(broken.map((r) => [r.key, r.kind]), [['source_broken:flaky:4000:console', 'source_broken']]);
  const p = JSON.parse(broken[0]!.payload_json);
  assert.deepEqual(p, { type: 'source_broken', sourceId: 'flaky', sourceName: 'Flaky page', error: 'page layout changed: the review selector matched nothing', consecutiveFailures: 3, since: 4000 });

  failing = false;
  t += 1000;
  await sched.pollAll();
  t += 1000;
  await sched.pollAll();
  assert.deepEqual(health().map((r) => [r.key, r.kind]), [
    ['source_broken:flaky:4000:console', 'source_broken'],
    ['source_recovered:flaky:4000:console', 'source_recovered'],
  ]);
  const row = db.prepare("SELECT consecutive_failures, broken, broken_since FROM source_health WHERE source_id = 'flaky'").get();
  assert.deepEqual(row, { consecutive_failures: 0, broken: 0, broken_since: null });
  assert.equal((db.prepare("SELECT count(*) AS n FROM items WHERE source_id = 'steady'").get() as { n: number }).n, 1);
  await sched.stop();
});

test('a non-PracticeWatch error is reported in plain words, without its message', async () => {
  const scripts = new Map<string, Script>([['x', async () => { throw new TypeError('secret body text from Jane Roe'); }]]);
  const registry = [scriptedConnector(scripts)];
  const { config, practice } = parseConfig(configText('  - id: x\n    type: scripted\n'), 't.yaml', { registry, env: {} });
  const db = openDb(':memory:');
  const sources = buildSources(config.sources, registry, { http: { get: () => Promise.reject(new Error('x')) }, log: silentLog, now: Date.now, env: () => undefined, file: 't.yaml' });
  const sched = createScheduler({ db, config, practice, log: silentLog, sources, jitterMs: 0 });
  const [o] = await sched.pollAll();
  assert.equal(o!.ok, false);
  assert.equal(o!.error, 'unexpected error in the connector (TypeError)');
  const h = db.prepare('SELECT last_error FROM source_health').get() as { last_error: string };
  assert.ok(!h.last_error.includes('Jane'));
  await sched.stop();
});

test('no overlap: a second poll of a busy source is skipped, and stop() drains', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const scripts = new Map<string, Script>([['slow', async () => { await gate; return { items: [item('a', 'x')] }; }]]);
  const registry = [scriptedConnector(scripts)];
  const { config, practice } = parseConfig(configText('  - id: slow\n    type: scripted\n'), 't.yaml', { registry, env: {} });
  const db = openDb(':memory:');
  const sources = buildSources(config.sources, registry, { http: { get: () => Promise.reject(new Error('x')) }, log: silentLog, now: Date.now, env: () => undefined, file: 't.yaml' });
  const sched = createScheduler({ db, config, practice, log: silentLog, sources, jitterMs: 0 });
  const first = sched.pollNow('slow');
  const second = await sched.pollNow('slow');
  assert.deepEqual(second, { sourceId: 'slow', ok: false, skipped: 'busy' });
  assert.equal(sched.inFlight(), 1);
  const stopped = sched.stop(5_000);
  release();
  await stopped;
  assert.equal((await first).ok, true);
  assert.equal(sched.inFlight(), 0);
});
