import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { checkReminders } from '../../src/responder/reminders.ts';
import { recordAction } from '../../src/responder/actions.ts';
import { alertPayload, capturedLog, seedItem } from '../slack/_helpers.ts';

const MIN = 60_000;

function sentAlert(db: Db, itemId: number, severity: 'critical' | 'high', sentAt: number) {
  enqueue(db, { key: `alert:v${itemId}:slack`, channel: 'slack', kind: 'alert', itemId, versionId: itemId, payload: alertPayload({ itemId, versionId: itemId, severity }), now: sentAt });
  db.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, external_ref = 'C0PRIVATE:1700000001.000001' WHERE idempotency_key = ?`).run(sentAt, `alert:v${itemId}:slack`);
}

test('one reminder (Slack thread + e-mail) for an unacknowledged critical alert, once across restarts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-rem-'));
  try {
    const file = join(dir, 'pw.db');
    let db = openDb(file);
    for (const id of [1, 2, 3, 4]) seedItem(db, id);
    const t0 = 10_000_000;
    sentAlert(db, 1, 'critical', t0); // unacknowledged → reminded
    sentAlert(db, 2, 'critical', t0); // acknowledged → not reminded
    sentAlert(db, 3, 'high', t0); // not critical
    sentAlert(db, 4, 'critical', t0 + 25 * MIN); // not old enough yet
    recordAction(db, 2, 'ack', 'cli:tester', 'cli', t0 + 5 * MIN);
    const log = capturedLog().log;
    const opts = { log, afterMs: 30 * MIN };

    assert.equal(checkReminders({ ...opts, db, now: () => t0 + 29 * MIN }), 0);
    assert.equal(checkReminders({ ...opts, db, now: () => t0 + 30 * MIN }), 1);
    assert.equal(checkReminders({ ...opts, db, now: () => t0 + 31 * MIN }), 0, 'not twice');
    db.close();
    db = openDb(file); // restart
    assert.equal(checkReminders({ ...opts, db, now: () => t0 + 90 * MIN }), 1, 'only item 4, now old enough');
    assert.equal(checkReminders({ ...opts, db, now: () => t0 + 200 * MIN }), 0);

    const rows = db.prepare(`SELECT idempotency_key, channel, kind, item_id, payload_json FROM outbox WHERE kind = 'reminder' ORDER BY id`).all() as {
      idempotency_key: string; channel: string; kind: string; item_id: number; payload_json: string;
    }[];
    assert.deepEqual(rows.map((r) => [r.idempotency_key, r.channel, r.item_id]), [
      ['reminder:1:1:slack', 'slack', 1],
      ['reminder:1:1:email', 'email', 1],
      ['reminder:4:1:slack', 'slack', 4],
      ['reminder:4:1:email', 'email', 4],
    ]);
    const p = JSON.parse(rows[1]!.payload_json) as { type: string; reminder: boolean; severity: string; itemId: number };
    assert.equal(p.type, 'alert');
    assert.equal(p.reminder, true);
    assert.equal(p.severity, 'critical');
    assert.equal(p.itemId, 1);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no e-mail row when e-mail is off', () => {
  const db = openDb(':memory:');
  seedItem(db, 1);
  sentAlert(db, 1, 'critical', 0);
  assert.equal(checkReminders({ db, log: capturedLog().log, afterMs: MIN, now: () => 2 * MIN, email: false }), 1);
  assert.deepEqual((db.prepare(`SELECT channel FROM outbox WHERE kind = 'reminder'`).all() as { channel: string }[]).map((r) => r.channel), ['slack']);
});
