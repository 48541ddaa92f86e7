import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, type Db } from '../../src/store/db.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackNotifier } from '../../src/notifiers/slack.ts';
import { NotifierError } from '../../src/core/errors.ts';
import type { OutboxRow } from '../../src/core/alert.ts';
import { startSlackStub, html500, type SlackStub } from '../helpers/slack-stub.ts';
import { alertPayload, capturedLog, healthPayload, HOSTILE, PLANTED, seedItem } from './_helpers.ts';

const stubs: SlackStub[] = [];
after(async () => {
  for (const s of stubs) await s.close();
});

async function setup(opts: { timeoutMs?: number; token?: string | undefined; channel?: string; maxAttempts?: number } = {}) {
  const stub = await startSlackStub();
  stubs.push(stub);
  const db = openDb(':memory:');
  seedItem(db, 1);
  let t = 2_000_000;
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  const cap = capturedLog();
  const slack = createSlackNotifier({
    token: 'token' in opts ? opts.token : 'xoxb-test',
    apiUrl: stub.url,
    channel: opts.channel ?? 'U0RESPOND',
    db,
    log: cap.log,
    timeoutMs: opts.timeoutMs ?? 5_000,
    now: clock.now,
  });
  const dispatcher = createDispatcher({
    db, notifiers: [slack], log: cap.log, maxAttempts: opts.maxAttempts ?? 5, now: clock.now, baseDelayMs: 1_000, random: () => 1,
  });
  return { stub, db, clock, cap, slack, dispatcher };
}

const row = (db: Db, key: string) => db.prepare('SELECT * FROM outbox WHERE idempotency_key = ?').get(key) as OutboxRow;

test('alert: DM opened, Block Kit posted with the idempotency key in metadata; masked and escaped everywhere', async () => {
  const { stub, db, clock, cap, dispatcher } = await setup();
  enqueue(db, { key: 'alert:v1:slack', channel: 'slack', kind: 'alert', itemId: 1, versionId: 1, payload: alertPayload(), now: clock.now() });
  assert.equal(await dispatcher.runOnce(), 1);

  assert.equal(stub.callsOf('conversations.open').length, 1);
  const posts = stub.callsOf('chat.postMessage');
  assert.equal(posts.length, 1);
  const body = posts[0]!.body;
  assert.equal(body.channel, 'D0PWTEST1');
  assert.deepEqual(body.metadata, { event_type: 'practicewatch_alert', event_payload: { key: 'alert:v1:slack' } });
  assert.equal(posts[0]!.auth, 'Bearer xoxb-test');
  assert.equal(row(db, 'alert:v1:slack').external_ref, `D0PWTEST1:${stub.messages[0]!.ts}`);

  const blocks = body.blocks as { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] }[];
  assert.equal(blocks[0]!.type, 'header');
  assert.match(blocks[0]!.text!.text, /CRITICAL · phi, negative/);
  const all = JSON.stringify(blocks);
  assert.match(all, /★☆☆☆☆ \(1\/5\)/);
  assert.match(all, /names a person together with a health condition/);
  assert.match(all, /```Thank you for your feedback/);
  assert.match(all, /\[name\] told everyone/);
  assert.match(all, /\[condition\]/);
  assert.match(all, /\[phone\]/);
  const actions = blocks.find((b) => b.type === 'actions')!;
  assert.deepEqual(actions.elements!.map((e) => e.action_id), ['pw:ack:1', 'pw:done:1', 'pw:dismiss:1']);
  // The source link is built only from a validated URL with | < > encoded; the label is escaped.
  assert.match(all, /<https:\/\/www\.yelp\.example\/biz\/maple-grove\?hrid=abc%7C%3C!channel%3E\|Yelp main office &lt;!here&gt;>/);

  const everything = stub.allRaw() + cap.lines.join('');
  for (const secret of Object.values(PLANTED)) assert.ok(!everything.includes(secret), `planted ${secret} leaked`);
  for (const h of HOSTILE) assert.ok(!everything.includes(h), `hostile ${h} survived`);
  assert.ok(!/\*bold\*/.test(all), 'formatting from the post is neutralised');
  assert.ok(!String(body.text).includes('<'), 'text fallback has no raw angle brackets');
});

test('a javascript: URL never becomes a link', async () => {
  const { stub, db, clock, dispatcher } = await setup({ channel: 'C0PRIVATE' });
  enqueue(db, { key: 'k', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload({ url: 'javascript:alert(1)', sourceName: 'Site' }), now: clock.now() });
  await dispatcher.runOnce();
  assert.equal(stub.callsOf('conversations.open').length, 0, 'a channel id is used as is');
  const all = JSON.stringify(stub.callsOf('chat.postMessage')[0]!.body.blocks);
  assert.ok(!all.includes('javascript:'));
  assert.match(all, /\*Source:\* Site/);
});

test('429 with Retry-After: one call (SDK retries off), row waits exactly Retry-After on the injected clock', async () => {
  const { stub, db, clock, dispatcher } = await setup({ channel: 'C0PRIVATE' });
  stub.fault('chat.postMessage', { kind: 'ratelimit', retryAfter: 7 });
  enqueue(db, { key: 'k', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload(), now: clock.now() });
  assert.equal(await dispatcher.runOnce(), 0);
  assert.equal(stub.callsOf('chat.postMessage').length, 1);
  const r = row(db, 'k');
  assert.equal(r.status, 'pending');
  assert.equal(r.next_attempt_at, clock.now() + 7_000);
  assert.equal(r.last_error, 'slack chat.postMessage: rate limited');
  clock.advance(6_999);
  assert.equal(await dispatcher.runOnce(), 0);
  clock.advance(1);
  assert.equal(await dispatcher.runOnce(), 1);
  assert.equal(stub.callsOf('chat.postMessage').length, 2);
  assert.equal(stub.messages.length, 1);
});

test('HTML 500 page: retryable, no body text in the error; dead-lettered after maxAttempts', async () => {
  const { stub, db, clock, dispatcher } = await setup({ channel: 'C0PRIVATE', maxAttempts: 3 });
  stub.fault('chat.postMessage', { kind: 'html500' }, 3);
  enqueue(db, { key: 'k', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload(), now: clock.now() });
  await dispatcher.runOnce();
  let r = row(db, 'k');
  assert.equal(r.status, 'pending');
  assert.equal(r.last_error, 'slack chat.postMessage: HTTP 500');
  assert.ok(html500().length > 0);
  for (let i = 0; i < 4; i++) {
    clock.advance(60_000);
    await dispatcher.runOnce();
  }
  r = row(db, 'k');
  assert.equal(r.status, 'dead');
  assert.equal(r.attempts, 3);
  // In-doubt retries looked in the history first (the 500 might have been after a post).
  assert.ok(stub.callsOf('conversations.history').length >= 2);
  assert.equal(stub.messages.length, 0);
});

test('invalid_auth and a missing token are config problems: kept pending, never dead', async () => {
  const a = await setup({ channel: 'C0PRIVATE', maxAttempts: 1 });
  a.stub.fault('chat.postMessage', { kind: 'error', error: 'invalid_auth' }, 5);
  enqueue(a.db, { key: 'k', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload(), now: a.clock.now() });
  for (let i = 0; i < 3; i++) {
    await a.dispatcher.runOnce();
    a.clock.advance(2 * 3_600_000);
  }
  const r = row(a.db, 'k');
  assert.equal(r.status, 'pending');
  assert.equal(r.attempts, 0);
  assert.equal(r.last_error, 'config: slack chat.postMessage: invalid_auth');

  const b = await setup({ token: undefined });
  enqueue(b.db, { key: 'k', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload(), now: b.clock.now() });
  await b.dispatcher.runOnce();
  assert.equal(row(b.db, 'k').status, 'pending');
  assert.match(row(b.db, 'k').last_error!, /^config: slack: no bot token/);
  assert.equal(b.stub.calls.length, 0);
});

test('error mapping: channel_not_found is a config problem, msg_too_long is final, timeout is retryable', async () => {
  const { stub, slack, db } = await setup({ channel: 'C0PRIVATE', timeoutMs: 150 });
  const r = { id: 1, idempotency_key: 'k', channel: 'slack', kind: 'alert', item_id: 1, version_id: 1, payload_json: JSON.stringify(alertPayload()), status: 'sending', attempts: 0, next_attempt_at: 0, last_error: null, external_ref: null, created_at: 0 } as OutboxRow;
  const signal = new AbortController().signal;
  const err = async (f: Parameters<SlackStub['fault']>[1]) => {
    stub.fault('chat.postMessage', f);
    return slack.deliver(r, signal).then(() => assert.fail('expected an error'), (e: unknown) => e as NotifierError);
  };
  let e = await err({ kind: 'error', error: 'channel_not_found' });
  assert.ok(e instanceof NotifierError && e.configProblem);
  e = await err({ kind: 'error', error: 'msg_too_long' });
  assert.ok(!e.retryable && !e.configProblem);
  e = await err({ kind: 'hang' });
  assert.ok(e.retryable);
  assert.equal(e.message, 'slack chat.postMessage: timeout');
  db.close();
});

test('a post that reached Slack but whose answer was lost is found by key, not posted twice', async () => {
  const { stub, db, clock, dispatcher } = await setup({ channel: 'C0PRIVATE', timeoutMs: 200 });
  stub.fault('chat.postMessage', { kind: 'storeThenHold' });
  enqueue(db, { key: 'alert:v1:slack', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload(), now: clock.now() });
  assert.equal(await dispatcher.runOnce(), 0);
  assert.equal(row(db, 'alert:v1:slack').status, 'pending');
  clock.advance(60_000);
  assert.equal(await dispatcher.runOnce(), 1);
  assert.equal(stub.callsOf('chat.postMessage').length, 1, 'no second post');
  assert.equal(stub.messages.length, 1);
  assert.equal(row(db, 'alert:v1:slack').external_ref, `C0PRIVATE:${stub.messages[0]!.ts}`);
});

test('alert_update edits the original message and adds one thread notice; reminder is a thread reply', async () => {
  const { stub, db, clock, dispatcher } = await setup({ channel: 'C0PRIVATE' });
  enqueue(db, { key: 'alert:v1:slack', channel: 'slack', kind: 'alert', itemId: 1, versionId: 1, payload: alertPayload(), now: clock.now() });
  await dispatcher.runOnce();
  const original = stub.messages[0]!;
  enqueue(db, { key: 'alert:v2:slack', channel: 'slack', kind: 'alert_update', itemId: 1, payload: alertPayload({ versionId: 2, edited: true, excerpt: 'now it says something else' }), now: clock.now() });
  enqueue(db, { key: 'reminder:1:1:slack', channel: 'slack', kind: 'reminder', itemId: 1, payload: { ...alertPayload(), reminder: true }, now: clock.now() });
  assert.equal(await dispatcher.runOnce(), 2);
  const updates = stub.callsOf('chat.update');
  assert.equal(updates.length, 1);
  assert.equal(updates[0]!.body.ts, original.ts);
  assert.match(JSON.stringify(original.blocks), /now it says something else/);
  assert.match(JSON.stringify(original.blocks), /Edited: CRITICAL/);
  const replies = stub.messages.filter((m) => m.thread_ts === original.ts);
  assert.equal(replies.length, 2);
  assert.match(replies[0]!.text, /The post was edited/);
  assert.match(replies[1]!.text, /Reminder: this CRITICAL alert \(item #1/);
  assert.equal(replies[1]!.reply_broadcast, true);
  assert.equal(stub.messages.filter((m) => !m.thread_ts).length, 1, 'no new top-level alert');
});

test('source broken / recovered: plain words, one message each', async () => {
  const { stub, db, clock, dispatcher } = await setup({ channel: 'C0PRIVATE' });
  enqueue(db, { key: 'source_broken:yelp-main:1:slack', channel: 'slack', kind: 'source_broken', payload: healthPayload('source_broken'), now: clock.now() });
  enqueue(db, { key: 'source_broken:yelp-main:1:slack', channel: 'slack', kind: 'source_broken', payload: healthPayload('source_broken'), now: clock.now() });
  await dispatcher.runOnce();
  enqueue(db, { key: 'source_recovered:yelp-main:1:slack', channel: 'slack', kind: 'source_recovered', payload: healthPayload('source_recovered'), now: clock.now() });
  await dispatcher.runOnce();
  await dispatcher.runOnce();
  const texts = stub.messages.map((m) => m.text);
  assert.deepEqual(texts, [
    ':warning: Yelp main office is not responding: page layout changed: the review selector matched nothing',
    ':white_check_mark: Yelp main office is working again',
  ]);
});

test('without a history scope an interrupted row is re-posted (at-least-once), with one warning', async () => {
  const { stub, db, clock, cap, dispatcher } = await setup({ channel: 'C0PRIVATE' });
  enqueue(db, { key: 'k', channel: 'slack', kind: 'alert', itemId: 1, payload: alertPayload(), now: clock.now() });
  db.prepare(`UPDATE outbox SET status = 'sending', claimed_at = ? WHERE idempotency_key = 'k'`).run(clock.now()); // a crash
  stub.fault('conversations.history', { kind: 'error', error: 'missing_scope' });
  assert.equal(await dispatcher.runOnce(), 1);
  assert.equal(row(db, 'k').status, 'sent');
  assert.equal(stub.callsOf('chat.postMessage').length, 1);
  assert.equal(cap.lines.filter((l) => l.includes('cannot read history')).length, 1);
});

test('a payload that cannot be rendered is dead at once, not retried', async () => {
  const { stub, db, clock, dispatcher } = await setup({ channel: 'C0PRIVATE' });
  enqueue(db, { key: 'bad', channel: 'slack', kind: 'alert', itemId: 1, payload: { type: 'alert', itemId: 1 }, now: clock.now() });
  await dispatcher.runOnce();
  assert.equal(row(db, 'bad').status, 'dead');
  assert.match(row(db, 'bad').last_error!, /^slack: cannot render outbox row \d+ \(TypeError\)$/);
  assert.equal(stub.callsOf('chat.postMessage').length, 0);
});
