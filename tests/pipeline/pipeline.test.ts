import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.ts';
import { processPoll, isByPractice, type PipelineDeps } from '../../src/pipeline.ts';
import { parseConfig, type SourceConfig } from '../../src/config/load.ts';
import type { Analysis, DetectorInput } from '../../src/core/types.ts';
import type { AlertPayload } from '../../src/core/alert.ts';
import { normalisedTextHash } from '../../src/store/items.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';
import { configText, item, silentLog, tempDir } from '../helpers/backbone.ts';

const { config } = parseConfig(
  configText(`  - id: reviews\n    type: rss\n    url: http://127.0.0.1:1/feed\n`, 'slack:\n  enabled: true\n  socket_mode: false\n').replace(
    '  email: manager@maplegrove.example\n',
    '  email: manager@maplegrove.example\n  slack_channel: C012ABCDEF\n',
  ),
  'test.yaml',
  { env: { SLACK_BOT_TOKEN: 'xoxb-test' } },
);
const source: SourceConfig = { ...config.sources[0]!, name: 'Reviews feed' };

/** Flags any text containing "awful" (high) or "meh" (low); marks "Jordan" as a person entity. */
const seenInputs: DetectorInput[] = [];
function fakeAnalyze(input: DetectorInput): Analysis {
  seenInputs.push(input);
  const entities = [];
  const i = input.text.indexOf('Jordan');
  if (i >= 0) entities.push({ type: 'person' as const, start: i, end: i + 6 });
  if (input.text.includes('awful')) return { flags: [{ category: 'negative', severity: 'high', code: 'negative.strong', reason: 'strongly negative' }], entities };
  if (input.text.includes('meh')) return { flags: [{ category: 'negative', severity: 'low', code: 'negative.mild', reason: 'mildly negative' }], entities };
  return { flags: [], entities };
}

function deps(db: Db, t = { now: 1000 }): PipelineDeps {
  return { db, config, practice: DEMO_PRACTICE, log: silentLog, now: () => t.now, analyze: fakeAnalyze };
}

function outbox(db: Db) {
  return db.prepare('SELECT idempotency_key AS key, channel, kind, item_id, version_id, payload_json FROM outbox ORDER BY id').all() as {
    key: string; channel: string; kind: string; item_id: number; version_id: number; payload_json: string;
  }[];
}

test('flagged item → findings + one alert per channel, masked excerpt, in the outbox', () => {
  const db = openDb(':memory:');
  const r = processPoll(deps(db), source, [item('r1', 'Jordan says this was awful'), item('r2', 'Lovely staff')]);
  assert.deepEqual(r, { seen: 2, created: 2, edited: 0, flagged: 1, enqueued: 2 });
  const rows = outbox(db);
  assert.deepEqual(rows.map((x) => [x.key, x.channel, x.kind]), [
    [`alert:v${rows[0]!.version_id}:slack`, 'slack', 'alert'],
    [`alert:v${rows[0]!.version_id}:console`, 'console', 'alert'],
  ]);
  const p = JSON.parse(rows[0]!.payload_json) as AlertPayload;
  assert.equal(p.type, 'alert');
  assert.equal(p.severity, 'high');
  assert.deepEqual(p.categories, ['negative']);
  assert.equal(p.sourceName, 'Reviews feed');
  assert.equal(p.edited, false);
  assert.ok(!p.excerpt.includes('Jordan'), 'excerpt is masked');
  assert.ok(p.excerpt.includes('awful'));
  assert.ok(p.action.text.length > 0);
  const f = db.prepare('SELECT category, severity, code FROM findings').all();
  assert.deepEqual(f, [{ category: 'negative', severity: 'high', code: 'negative.strong' }]);
  const v = db.prepare('SELECT excerpt_masked, entities_json FROM item_versions WHERE id = ?').get(rows[0]!.version_id) as { excerpt_masked: string; entities_json: string };
  assert.equal(v.excerpt_masked, p.excerpt);
  assert.equal(JSON.parse(v.entities_json).length, 1);
});

test('low severity: findings only, no alert', () => {
  const db = openDb(':memory:');
  const r = processPoll(deps(db), source, [item('r1', 'it was meh')]);
  assert.equal(r.flagged, 1);
  assert.equal(outbox(db).length, 0);
  assert.equal((db.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n, 1);
});

test('restart + re-poll: no duplicate items, versions or alerts', () => {
  const t = tempDir();
  try {
    const path = join(t.dir, 'pw.db');
    const items = [item('r1', 'awful visit'), item('r2', 'fine')];
    let db = openDb(path);
    processPoll(deps(db), source, items);
    db.close();
    db = openDb(path); // "restart"
    const r = processPoll(deps(db), source, items);
    assert.deepEqual(r, { seen: 2, created: 0, edited: 0, flagged: 0, enqueued: 0 });
    assert.equal(outbox(db).length, 2);
    assert.equal((db.prepare('SELECT count(*) AS n FROM item_versions').get() as { n: number }).n, 2);
    assert.equal((db.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n, 1);
    db.close();
  } finally {
    t.cleanup();
  }
});

test('an edit is a new version, analysed again; an edit of an alerted item is an alert_update', () => {
  const db = openDb(':memory:');
  const d = deps(db);
  processPoll(d, source, [item('r1', 'awful visit')]);
  const before = seenInputs.length;
  const r = processPoll(d, source, [item('r1', 'awful visit, and rude too')]);
  assert.equal(seenInputs.length, before + 1, 'analysed again');
  assert.deepEqual([r.created, r.edited, r.enqueued], [0, 1, 2]);
  const rows = outbox(db);
  assert.deepEqual(rows.map((x) => x.kind), ['alert', 'alert', 'alert_update', 'alert_update']);
  assert.equal((JSON.parse(rows[2]!.payload_json) as AlertPayload).edited, true);
  assert.notEqual(rows[2]!.version_id, rows[0]!.version_id);
  // An edit of an item that was never alerted is a plain alert.
  processPoll(d, source, [item('r2', 'fine')]);
  processPoll(d, source, [item('r2', 'fine... no, awful')]);
  assert.deepEqual(outbox(db).slice(4).map((x) => x.kind), ['alert', 'alert']);
});

test('a dismissed text does not alert again', () => {
  const db = openDb(':memory:');
  db.prepare('INSERT INTO dismissed_texts (text_hash, at) VALUES (?, 1)').run(normalisedTextHash('An  AWFUL visit'));
  const r = processPoll(deps(db), source, [item('r9', 'an awful visit')]);
  assert.equal(r.flagged, 1);
  assert.equal(outbox(db).length, 0);
});

test('owned and byPractice reach the detectors', () => {
  const db = openDb(':memory:');
  seenInputs.length = 0;
  processPoll(deps(db), { ...source, owned: true }, [item('p1', 'hello', { author: 'dr. helena okafor' }), item('p2', 'hi', { author: 'Jordan Pell' })]);
  assert.deepEqual(seenInputs.map((i) => [i.owned, i.byPractice]), [[true, true], [true, false]]);
  assert.equal(isByPractice('MAPLE GROVE FAMILY MEDICINE', DEMO_PRACTICE), true);
  assert.equal(isByPractice('Tamsin Delacroix', DEMO_PRACTICE), true);
  assert.equal(isByPractice(null, DEMO_PRACTICE), false);
});

test('one failing item does not lose the others, and is retried on the next poll', () => {
  const db = openDb(':memory:');
  let fail = true;
  const d: PipelineDeps = {
    ...deps(db),
    analyze: (input) => {
      if (fail && input.text === 'boom') throw new Error('detector bug');
      return fakeAnalyze(input);
    },
  };
  const r = processPoll(d, source, [item('a', 'boom'), item('b', 'awful')]);
  assert.equal(r.created, 1);
  assert.equal(r.failed, 1);
  fail = false;
  const r2 = processPoll(d, source, [item('a', 'boom'), item('b', 'awful')]);
  assert.equal(r2.created, 1, 'the failed item was not half-stored');
});

test('an alerted item removed by the source updates its alert once; items outside the window are not "removed"', () => {
  const db = openDb(':memory:');
  const t = { now: 1000 };
  const dated = (id: string, text: string, day: number) => ({ ...item(id, text), publishedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z` });
  processPoll(deps(db, t), source, [dated('a', 'fine', 1), dated('b', 'awful wait', 5), dated('c', 'fine too', 9), dated('old', 'awful old', 1)]);
  const alerts = outbox(db).filter((r) => r.kind === 'alert');
  assert.equal(new Set(alerts.map((a) => a.item_id)).size, 2);
  const channels = [...new Set(alerts.map((a) => a.channel))].sort();
  // Next poll: 'b' (inside the window) is gone; 'old' is also gone but the window has moved past it (days 5..12).
  t.now = 2000;
  const r = processPoll(deps(db, t), source, [dated('c', 'fine too', 9), dated('d', 'fine again', 12), dated('e', 'also fine', 5)]);
  assert.equal(r.removed, 1);
  const updates = outbox(db).filter((row) => row.kind === 'alert_update');
  assert.deepEqual(updates.map((u) => u.key).sort(), channels.map((c) => `removed:${updates[0]!.item_id}:${c}`));
  const p = JSON.parse(updates[0]!.payload_json) as AlertPayload & { deleted?: boolean };
  assert.equal(p.deleted, true);
  assert.equal(p.excerpt.includes('awful'), true);
  // Polled again: reported once only.
  t.now = 3000;
  assert.equal(processPoll(deps(db, t), source, [dated('c', 'fine too', 9), dated('d', 'fine again', 12), dated('e', 'also fine', 5)]).removed, undefined);
  assert.equal(outbox(db).filter((row) => row.kind === 'alert_update').length, channels.length);
});

test('an alerted item edited so that nothing is flagged any more updates its alert once, as cleared', () => {
  const db = openDb(':memory:');
  const t = { now: 1000 };
  processPoll(deps(db, t), source, [item('x', 'awful wait, call Jordan')]);
  const first = outbox(db).filter((r) => r.kind === 'alert');
  assert.ok(first.length >= 1);
  t.now = 2000;
  processPoll(deps(db, t), source, [item('x', 'edited: the wait was fine, thanks Jordan')]);
  const updates = outbox(db).filter((r) => r.kind === 'alert_update');
  assert.deepEqual(updates.map((u) => u.channel).sort(), first.map((f) => f.channel).sort());
  for (const u of updates) {
    const p = JSON.parse(u.payload_json) as AlertPayload & { cleared?: boolean };
    assert.equal(p.cleared, true);
    assert.deepEqual(p.reasons, []);
    assert.equal(p.draftReply, null);
    assert.ok(!p.excerpt.includes('Jordan'), 'the new excerpt is masked too');
    assert.match(p.excerpt, /the wait was fine/);
  }
  // Re-polling the same edited text writes nothing more.
  t.now = 3000;
  processPoll(deps(db, t), source, [item('x', 'edited: the wait was fine, thanks Jordan')]);
  assert.equal(outbox(db).filter((r) => r.kind === 'alert_update').length, updates.length);
  // An item that was never alerted: an unflagged edit enqueues nothing.
  processPoll(deps(db, t), source, [item('y', 'fine')]);
  processPoll(deps(db, t), source, [item('y', 'fine, edited')]);
  assert.equal(outbox(db).filter((r) => r.item_id !== updates[0]!.item_id).length, 0);
});
