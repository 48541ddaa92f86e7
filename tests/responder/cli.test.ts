import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../src/store/db.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { run as items } from '../../src/cli/commands/items.ts';
import { run as status } from '../../src/cli/commands/status.ts';
import { configText, tempDir } from '../helpers/backbone.ts';
import { alertPayload, PLANTED, seedItem } from '../slack/_helpers.ts';

const NOW = Date.UTC(2026, 10, 24, 12, 0);
const tmp = tempDir('pw-cli-');
let cfg = '';

function io() {
  const o = { out: '', err: '' };
  return { o, io: { out: (s: string) => (o.out += s), err: (s: string) => (o.err += s), now: () => NOW, user: () => 'tester' } };
}

before(() => {
  const dbFile = join(tmp.dir, 'pw.db');
  cfg = join(tmp.dir, 'pw.yaml');
  writeFileSync(
    cfg,
    configText(
      `  - id: yelp-main
    type: rss
    name: Yelp main office
    url: http://127.0.0.1:9/feed
`,
      `storage:\n  path: ${JSON.stringify(dbFile)}\n`,
    ),
  );
  const db = openDb(dbFile);
  for (const id of [1, 2, 3]) {
    seedItem(db, id, NOW - id * 3_600_000);
    db.prepare('UPDATE item_versions SET author = ? WHERE id = ?').run(PLANTED.name, id);
  }
  const finding = db.prepare(`INSERT INTO findings (version_id, category, severity, code, reason, created_at) VALUES (?, ?, ?, ?, ?, 0)`);
  finding.run(1, 'phi', 'critical', 'phi.third_party', 'names a person with a condition');
  finding.run(1, 'negative', 'medium', 'negative.low_rating', 'low rating');
  finding.run(2, 'negative', 'high', 'negative.strong', 'very negative');
  // item 3 has no findings: not listed.
  db.prepare(`UPDATE items SET status = 'responded' WHERE id = 2`).run();
  enqueue(db, { key: 'dead', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload(), now: NOW - 86_400_000 });
  db.prepare(`UPDATE outbox SET status = 'dead', attempts = 12, last_error = 'slack chat.postMessage: HTTP 500' WHERE idempotency_key = 'dead'`).run();
  enqueue(db, { key: 'parked', channel: 'slack', kind: 'alert', itemId: 2, payload: alertPayload(), now: NOW });
  db.prepare(`UPDATE outbox SET last_error = 'config: slack chat.postMessage: invalid_auth' WHERE idempotency_key = 'parked'`).run();
  db.prepare(`INSERT INTO source_health (source_id, consecutive_failures, last_error, broken, last_failure_at) VALUES ('yelp-main', 4, 'page layout changed: the review selector matched nothing', 1, ?)`).run(NOW);
  db.close();
});
after(() => tmp.cleanup());

test('items list: open items only by default, masked excerpt, no raw text or author', async () => {
  const { o, io: x } = io();
  assert.equal(await items(['list', '--config', cfg], x), 0);
  const lines = o.out.trim().split('\n');
  assert.equal(lines.length, 2, o.out);
  assert.match(lines[0]!, /^ID\s+SOURCE\s+SEVERITY\s+CATEGORIES\s+AGE\s+STATUS/);
  assert.match(lines[1]!, /^1\s+Yelp main office\s+critical\s+negative,phi\s+1h\s+new\s+"\[name\] told/);
  for (const s of Object.values(PLANTED)) assert.ok(!o.out.includes(s), `${s} leaked`);

  const j = io();
  assert.equal(await items(['list', '--status', 'all', '--json', '--config', cfg], j.io), 0);
  const rows = j.o.out.trim().split('\n').map((l) => JSON.parse(l) as { id: number; severity: string; status: string; age: string });
  assert.deepEqual(rows.map((r) => [r.id, r.severity, r.status, r.age]), [[1, 'critical', 'new', '1h'], [2, 'high', 'responded', '2h']]);
  for (const s of Object.values(PLANTED)) assert.ok(!j.o.out.includes(s));
});

test('items ack / dismiss record who and when; unknown ids and bad usage fail clearly', async () => {
  const a = io();
  assert.equal(await items(['ack', '1', '--config', cfg], a.io), 0);
  assert.match(a.o.out, /item #1: acknowledged \(was new\), recorded as cli:tester/);
  const d = io();
  assert.equal(await items(['dismiss', '1', '--config', cfg], d.io), 0);
  const db = openDb(join(tmp.dir, 'pw.db'));
  const acts = db.prepare('SELECT action, actor, via, at FROM item_actions WHERE item_id = 1 ORDER BY id').all();
  assert.deepEqual(acts, [
    { action: 'ack', actor: 'cli:tester', via: 'cli', at: NOW },
    { action: 'dismiss', actor: 'cli:tester', via: 'cli', at: NOW },
  ]);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM dismissed_texts WHERE item_id = 1').get() as { n: number }).n, 1);
  db.close();

  const u = io();
  assert.equal(await items(['done', '999', '--config', cfg], u.io), 1);
  assert.match(u.o.err, /no item #999/);
  const b = io();
  assert.equal(await items(['ack', 'abc', '--config', cfg], b.io), 2);
  assert.equal(await items(['frobnicate'], b.io), 2);
});

test('status: counts by channel and status, dead letters with PHI-free errors, config problems, source health', async () => {
  const { o, io: x } = io();
  assert.equal(await status(['--config', cfg], x), 3, 'non-zero: something needs a human');
  assert.match(o.out, /slack\s+dead 1, pending 1/);
  assert.match(o.out, /CONFIG PROBLEM \(slack\): 1 waiting — slack chat\.postMessage: invalid_auth/);
  assert.match(o.out, /#1 slack alert item #1 after 12 attempt\(s\), 1d old: slack chat\.postMessage: HTTP 500/);
  assert.match(o.out, /yelp-main\s+BROKEN: page layout changed: the review selector matched nothing/);
  for (const s of Object.values(PLANTED)) assert.ok(!o.out.includes(s));
  const j = io();
  await status(['--json', '--config', cfg], j.io);
  const r = JSON.parse(j.o.out) as { dead: unknown[]; sources: { broken: boolean }[] };
  assert.equal(r.dead.length, 1);
  assert.equal(r.sources[0]!.broken, true);
});
