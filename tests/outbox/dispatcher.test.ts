import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, type Db } from '../../src/store/db.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { createDispatcher, type RecoverableNotifier } from '../../src/outbox/dispatcher.ts';
import { NotifierError } from '../../src/core/errors.ts';
import type { OutboxChannel, OutboxRow } from '../../src/core/alert.ts';
import { capturedLog } from '../slack/_helpers.ts';

type Behaviour = (row: OutboxRow, n: number) => Promise<{ externalRef?: string }>;

function fakeNotifier(channel: OutboxChannel, behave: Behaviour, find?: (row: OutboxRow) => Promise<{ externalRef?: string } | null>) {
  const calls: number[] = [];
  const finds: number[] = [];
  const n: RecoverableNotifier = {
    channel,
    deliver: async (row) => {
      calls.push(row.id);
      return behave(row, calls.length);
    },
  };
  if (find)
    n.findDelivered = async (row) => {
      finds.push(row.id);
      return find(row);
    };
  return { notifier: n, calls, finds };
}

function setup() {
  const db = openDb(':memory:');
  let t = 1_000_000;
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  return { db, clock };
}

function add(db: Db, key: string, now: number, channel: OutboxChannel = 'slack') {
  enqueue(db, { key, channel, kind: 'source_broken', payload: { type: 'source_broken', sourceId: 's', sourceName: 'S', error: null, consecutiveFailures: 3, since: 1 }, now });
  return (db.prepare('SELECT id FROM outbox WHERE idempotency_key = ?').get(key) as { id: number }).id;
}
const row = (db: Db, id: number) => db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow & { claimed_at: number | null };

test('delivers due rows once and records the external ref; future rows wait', async () => {
  const { db, clock } = setup();
  const a = add(db, 'k1', clock.now());
  enqueue(db, { key: 'k2', channel: 'slack', kind: 'alert', payload: {}, now: clock.now(), notBefore: clock.now() + 60_000 });
  const f = fakeNotifier('slack', async (r) => ({ externalRef: `ref-${r.id}` }));
  const d = createDispatcher({ db, notifiers: [f.notifier], log: capturedLog().log, maxAttempts: 3, now: clock.now });
  assert.equal(await d.runOnce(), 1);
  assert.equal(await d.runOnce(), 0);
  assert.deepEqual(f.calls, [a]);
  assert.equal(row(db, a).status, 'sent');
  assert.equal(row(db, a).external_ref, `ref-${a}`);
  assert.equal(row(db, a).attempts, 1);
  clock.advance(60_000);
  assert.equal(await d.runOnce(), 1);
  assert.equal(f.calls.length, 2);
});

test('retryable failure: exponential backoff with full jitter, then success', async () => {
  const { db, clock } = setup();
  const id = add(db, 'k', clock.now());
  const f = fakeNotifier('slack', async (_r, n) => {
    if (n <= 2) throw new NotifierError('slack: HTTP 503', true);
    return { externalRef: 'ok' };
  });
  const d = createDispatcher({ db, notifiers: [f.notifier], log: capturedLog().log, maxAttempts: 5, now: clock.now, baseDelayMs: 1000, random: () => 0.5 });
  assert.equal(await d.runOnce(), 0);
  let r = row(db, id);
  assert.equal(r.status, 'pending');
  assert.equal(r.attempts, 1);
  assert.equal(r.next_attempt_at, clock.now() + 500); // 0.5 × 1000·2^0
  assert.equal(r.last_error, 'slack: HTTP 503');
  assert.notEqual(r.claimed_at, null, 'an ambiguous failure leaves the row in doubt');
  clock.advance(499);
  assert.equal(await d.runOnce(), 0);
  assert.equal(f.calls.length, 1);
  clock.advance(1);
  await d.runOnce();
  r = row(db, id);
  assert.equal(r.attempts, 2);
  assert.equal(r.next_attempt_at, clock.now() + 1000); // 0.5 × 1000·2^1
  clock.advance(1000);
  assert.equal(await d.runOnce(), 1);
  assert.equal(row(db, id).status, 'sent');
  assert.equal(row(db, id).attempts, 3);
});

test('429 Retry-After is honoured for the row and pauses the channel', async () => {
  const { db, clock } = setup();
  const a = add(db, 'a', clock.now());
  const b = add(db, 'b', clock.now());
  let limited = true;
  const f = fakeNotifier('slack', async () => {
    if (limited) {
      limited = false;
      throw new NotifierError('slack: rate limited', true, 30_000);
    }
    return { externalRef: 'x' };
  });
  const d = createDispatcher({ db, notifiers: [f.notifier], log: capturedLog().log, maxAttempts: 5, now: clock.now, baseDelayMs: 10, random: () => 1 });
  assert.equal(await d.runOnce(), 0);
  assert.deepEqual(f.calls, [a], 'b is not attempted while the channel is paused');
  assert.equal(row(db, a).next_attempt_at, clock.now() + 30_000);
  assert.equal(row(db, a).claimed_at, null, 'a rejected (429) call is not in doubt');
  clock.advance(29_999);
  assert.equal(await d.runOnce(), 0);
  clock.advance(1);
  assert.equal(await d.runOnce(), 2);
  assert.deepEqual(f.calls, [a, b, a]); // b was due first
  assert.equal(row(db, b).status, 'sent');
});

test('config problem: stays pending (never dead), logged once, re-armed at restart', async () => {
  const { db, clock } = setup();
  const a = add(db, 'a', clock.now());
  const b = add(db, 'b', clock.now());
  const cap = capturedLog();
  const f = fakeNotifier('slack', async () => {
    throw new NotifierError('slack: invalid_auth', false, undefined, true);
  });
  const d = createDispatcher({ db, notifiers: [f.notifier], log: cap.log, maxAttempts: 1, now: clock.now, configProblemDelayMs: 3_600_000 });
  await d.runOnce();
  for (const id of [a, b]) {
    const r = row(db, id);
    assert.equal(r.status, 'pending');
    assert.equal(r.attempts, 0);
    assert.equal(r.last_error, 'config: slack: invalid_auth');
    assert.equal(r.next_attempt_at, clock.now() + 3_600_000);
  }
  for (let i = 0; i < 5; i++) {
    clock.advance(3_600_000);
    await d.runOnce();
  }
  assert.equal(row(db, a).status, 'pending', 'never dead-lettered for a config problem');
  assert.equal(cap.lines.filter((l) => l.includes('misconfigured')).length, 1, 'logged once');
  // Config fixed, daemon restarted: the new dispatcher re-arms the parked rows immediately.
  const ok = fakeNotifier('slack', async () => ({ externalRef: 'fine' }));
  const d2 = createDispatcher({ db, notifiers: [ok.notifier], log: cap.log, maxAttempts: 1, now: clock.now });
  assert.deepEqual(d2.recover(), { resumed: 0, rearmed: 2 });
  assert.equal(await d2.runOnce(), 2);
});

test('dead-letters after maxAttempts, and at once on a non-retryable error; last_error is PHI-free', async () => {
  const { db, clock } = setup();
  const a = add(db, 'a', clock.now());
  const f = fakeNotifier('slack', async () => {
    throw new Error('Jane Roe (555) 123-4567 diabetes'); // an unexpected error whose message must not be stored
  });
  const d = createDispatcher({ db, notifiers: [f.notifier], log: capturedLog().log, maxAttempts: 3, now: clock.now, baseDelayMs: 10, random: () => 1 });
  for (let i = 0; i < 5; i++) {
    await d.runOnce();
    clock.advance(1_000);
  }
  assert.equal(f.calls.length, 3);
  assert.equal(row(db, a).status, 'dead');
  assert.equal(row(db, a).attempts, 3);
  assert.equal(row(db, a).last_error, 'unexpected Error');

  const b = add(db, 'b', clock.now());
  const g = fakeNotifier('slack', async () => {
    throw new NotifierError('slack: msg_too_long', false);
  });
  const d2 = createDispatcher({ db, notifiers: [g.notifier], log: capturedLog().log, maxAttempts: 10, now: clock.now });
  await d2.runOnce();
  assert.equal(row(db, b).status, 'dead');
  assert.equal(row(db, b).last_error, 'slack: msg_too_long');
});

test('crash recovery: a row left in sending is checked with findDelivered before any re-send', async () => {
  const { db, clock } = setup();
  const a = add(db, 'a', clock.now());
  const b = add(db, 'b', clock.now());
  const c = add(db, 'c', clock.now());
  db.prepare(`UPDATE outbox SET status = 'sending', claimed_at = ? WHERE id IN (?, ?)`).run(clock.now(), a, b);
  const f = fakeNotifier(
    'slack',
    async (r) => ({ externalRef: `new-${r.id}` }),
    async (r) => (r.id === a ? { externalRef: 'found-a' } : null),
  );
  const d = createDispatcher({ db, notifiers: [f.notifier], log: capturedLog().log, maxAttempts: 3, now: clock.now });
  assert.equal(await d.runOnce(), 3);
  assert.deepEqual(f.finds.sort(), [a, b].sort(), 'only in-doubt rows are looked up');
  assert.deepEqual(f.calls.sort(), [b, c].sort(), 'the row already delivered is not posted again');
  assert.equal(row(db, a).external_ref, 'found-a');
  assert.equal(row(db, b).external_ref, `new-${b}`);
});

test('rows for a channel without a notifier stay pending and are logged once', async () => {
  const { db, clock } = setup();
  const e = add(db, 'e', clock.now(), 'email');
  const s = add(db, 's', clock.now(), 'slack');
  const cap = capturedLog();
  const f = fakeNotifier('slack', async () => ({ externalRef: 'x' }));
  const d = createDispatcher({ db, notifiers: [f.notifier], log: cap.log, maxAttempts: 3, now: clock.now });
  assert.equal(await d.runOnce(), 1);
  await d.runOnce();
  assert.equal(row(db, e).status, 'pending');
  assert.equal(row(db, s).status, 'sent');
  assert.equal(cap.lines.filter((l) => l.includes('not configured')).length, 1);
});

test('start/stop: the loop delivers and stop aborts a hung delivery, leaving it in doubt', async () => {
  const { db, clock } = setup();
  const a = add(db, 'a', clock.now());
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const f = fakeNotifier('slack', () => {
    entered();
    return new Promise(() => {}); // never settles
  });
  const d = createDispatcher({ db, notifiers: [f.notifier], log: capturedLog().log, maxAttempts: 3, now: clock.now });
  d.start(10);
  await inside;
  assert.equal(row(db, a).status, 'sending');
  await d.stop();
  const r = row(db, a);
  assert.equal(r.status, 'pending');
  assert.equal(r.attempts, 0);
  assert.notEqual(r.claimed_at, null);
});

test('an in-doubt row stays in doubt when the lookup itself is rate limited or hits a config problem', async () => {
  const { db, clock } = setup();
  const a = add(db, 'a', clock.now());
  db.prepare(`UPDATE outbox SET status = 'sending', claimed_at = ? WHERE id = ?`).run(clock.now(), a);
  const failures = [new NotifierError('slack conversations.history: rate limited', true, 1_000), new NotifierError('slack conversations.history: invalid_auth', false, undefined, true)];
  const f = fakeNotifier('slack', async () => ({ externalRef: 'new' }), async () => {
    const e = failures.shift();
    if (e) throw e;
    return { externalRef: 'found' };
  });
  const d = createDispatcher({ db, notifiers: [f.notifier], log: capturedLog().log, maxAttempts: 5, now: clock.now, configProblemDelayMs: 5_000 });
  for (let i = 0; i < 3; i++) {
    await d.runOnce();
    clock.advance(10_000);
  }
  assert.equal(f.finds.length, 3, 'looked up on every attempt');
  assert.equal(f.calls.length, 0, 'never re-posted');
  assert.equal(row(db, a).external_ref, 'found');
});
