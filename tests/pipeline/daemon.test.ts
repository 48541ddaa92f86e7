// The real daemon against a local feed: restart + re-poll neither duplicates items nor alerts; edits re-alert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.ts';
import { createDaemon } from '../../src/daemon.ts';
import { createConsoleNotifier } from '../../src/notifiers/console.ts';
import { openDb } from '../../src/store/db.ts';
import type { Analysis, DetectorInput } from '../../src/core/types.ts';
import { configText, silentLog, tempDir } from '../helpers/backbone.ts';
import { startServer } from '../helpers/http-server.ts';

const feed = (second: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://127.0.0.1/</link>
<item><guid>c1</guid><title>Comment</title><description>${second}</description></item>
<item><guid>c2</guid><title>Comment</title><description>Nice clinic.</description></item></channel></rss>`;

// Deterministic detection for this test: "awful" is a high-severity negative.
const analyze = (i: DetectorInput): Analysis => ({
  flags: i.text.includes('awful') ? [{ category: 'negative', severity: 'high', code: 'negative.t', reason: 'negative' }] : [],
  entities: [],
});

test('restart + re-poll: no duplicate items or alerts; an edit is re-analysed and alerted as an update', async () => {
  let body = feed('An awful wait.');
  const server = await startServer({ '/feed': (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(body); } });
  const t = tempDir();
  const printed: string[] = [];
  try {
    const dbPath = join(t.dir, 'pw.db');
    const loaded = parseConfig(
      configText(`  - id: blog\n    type: rss\n    url: ${server.url('/feed')}\n`, `storage:\n  path: ${dbPath}\nhttp:\n  per_host_interval: 0s\n  retries: 0\n`),
      't.yaml',
      { env: {} },
    );
    const make = () =>
      createDaemon({ loaded, log: silentLog, analyze, jitterMs: 0, notifiers: [createConsoleNotifier({ write: (s) => printed.push(s), color: false })] });

    let d = await make();
    let r = await d.runOnce();
    assert.equal(r.delivered, 1);
    await d.stop();

    d = await make(); // restart
    r = await d.runOnce();
    assert.equal(r.delivered, 0);
    assert.deepEqual(r.polls.map((p) => p.ok && p.result), [{ seen: 2, created: 0, edited: 0, flagged: 0, enqueued: 0 }]);
    body = feed('An awful wait, and rude staff.');
    r = await d.runOnce();
    assert.equal(r.delivered, 1);
    await d.stop();
    await d.stop(); // idempotent

    const db = openDb(dbPath);
    const c = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    assert.equal(c('SELECT count(*) AS n FROM items'), 2);
    assert.equal(c('SELECT count(*) AS n FROM item_versions'), 3);
    assert.deepEqual(db.prepare('SELECT kind, status FROM outbox ORDER BY id').all(), [
      { kind: 'alert', status: 'sent' },
      { kind: 'alert_update', status: 'sent' },
    ]);
    db.close();
    assert.equal(printed.length, 2);
    assert.match(printed[1]!, /HIGH \(edited\) negative/);
  } finally {
    await server.close();
    t.cleanup();
  }
});

test('start() then stop() shuts down cleanly (cron stopped, db closed)', async () => {
  const t = tempDir();
  try {
    const loaded = parseConfig(
      configText('  - id: blog\n    type: rss\n    url: http://127.0.0.1:1/feed\n', `storage:\n  path: ${join(t.dir, 'x.db')}\n`),
      't.yaml',
      { env: {} },
    );
    const d = await createDaemon({ loaded, log: silentLog, notifiers: [] });
    await d.start();
    await d.stop();
    assert.equal(d.db.open, false);
    assert.equal(d.scheduler.inFlight(), 0);
  } finally {
    t.cleanup();
  }
});
