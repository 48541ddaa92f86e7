import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDb } from '../../src/store/db.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackNotifier } from '../../src/notifiers/slack.ts';
import { createSlackSocketService, handleBlockActions } from '../../src/notifiers/slack-socket.ts';
import { normalizedTextHash } from '../../src/responder/actions.ts';
import { startSlackStub, type SlackStub } from '../helpers/slack-stub.ts';
import { alertPayload, capturedLog, rawPost, seedItem } from './_helpers.ts';

const stubs: SlackStub[] = [];
after(async () => {
  for (const s of stubs) await s.close();
});

/** A block_actions payload shaped like the ones Slack sends over Socket Mode (fields per api.slack.com). */
function blockActions(actionId: string, value: string, userId = 'U0RESPOND') {
  return {
    type: 'block_actions',
    user: { id: userId, username: 'office.manager', name: 'office.manager', team_id: 'T0PW' },
    api_app_id: 'A0PWAPP',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: '1700000001.000001', channel_id: 'C0PRIVATE', is_ephemeral: false },
    trigger_id: '123.456.abc',
    team: { id: 'T0PW', domain: 'maplegrove' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: 'C0PRIVATE', name: 'privategroup' },
    message: { type: 'message', user: 'UBOT', ts: '1700000001.000001', bot_id: 'B0PW', text: 'CRITICAL · phi', blocks: [] },
    state: { values: {} },
    response_url: 'https://hooks.slack.example/actions/T0PW/1/abc',
    actions: [
      {
        action_id: actionId,
        block_id: 'pw_actions:1',
        text: { type: 'plain_text', text: 'Acknowledge', emoji: true },
        value,
        style: 'primary',
        type: 'button',
        action_ts: '1700000100.123456',
      },
    ],
  };
}

async function setup() {
  const stub = await startSlackStub();
  stubs.push(stub);
  const db = openDb(':memory:');
  seedItem(db, 1);
  let t = 5_000_000;
  const now = () => t;
  const cap = capturedLog();
  const slack = createSlackNotifier({ token: 'xoxb-test', apiUrl: stub.url, channel: 'C0PRIVATE', db, log: cap.log, timeoutMs: 5_000, now });
  const dispatcher = createDispatcher({ db, notifiers: [slack], log: cap.log, maxAttempts: 3, now });
  enqueue(db, { key: 'alert:v1:slack', channel: 'slack', kind: 'alert', itemId: 1, versionId: 1, payload: alertPayload(), now: t });
  await dispatcher.runOnce();
  return { stub, db, cap, slack, now, advance: (ms: number) => (t += ms) };
}

test('Acknowledge button: action recorded with the Slack user and time, message re-rendered without buttons', async () => {
  const { stub, db, cap, slack, now } = await setup();
  const done = await handleBlockActions({ db, log: cap.log, now, updateItemStatus: slack.updateItemStatus }, blockActions('pw:ack:1', '1'));
  assert.equal(done.length, 1);
  const a = db.prepare('SELECT * FROM item_actions').all() as { item_id: number; action: string; actor: string; via: string; at: number }[];
  assert.deepEqual(a, [{ id: 1, item_id: 1, action: 'ack', actor: 'U0RESPOND', via: 'slack', at: now() }] as unknown as typeof a);
  assert.equal((db.prepare('SELECT status FROM items WHERE id = 1').get() as { status: string }).status, 'acknowledged');
  const upd = stub.callsOf('chat.update');
  assert.equal(upd.length, 1);
  const blocks = JSON.stringify(upd[0]!.body.blocks);
  assert.match(blocks, /Acknowledged by <@U0RESPOND>/);
  assert.ok(!blocks.includes('"actions"'), 'buttons replaced by the status line');
  assert.equal(stub.messages[0]!.ts, upd[0]!.body.ts);
});

test('Not an issue: status dismissed and the text hash stored for the pipeline', async () => {
  const { db, cap, slack, now } = await setup();
  await handleBlockActions({ db, log: cap.log, now, updateItemStatus: slack.updateItemStatus }, blockActions('pw:dismiss:1', '1'));
  assert.equal((db.prepare('SELECT status FROM items WHERE id = 1').get() as { status: string }).status, 'dismissed');
  const h = db.prepare('SELECT text_hash, item_id FROM dismissed_texts').all() as { text_hash: string; item_id: number }[];
  assert.deepEqual(h, [{ text_hash: normalizedTextHash(rawPost().text), item_id: 1 }]);
  assert.equal(normalizedTextHash('  Hello\n WORLD '), normalizedTextHash('hello world'), 'whitespace and case do not matter');
});

test('foreign or forged payloads are ignored', async () => {
  const { db, cap, now } = await setup();
  const deps = { db, log: cap.log, now };
  assert.equal((await handleBlockActions(deps, blockActions('other_app_button', '1'))).length, 0);
  assert.equal((await handleBlockActions(deps, blockActions('pw:ack:1', '2'))).length, 0, 'value must match the action id');
  assert.equal((await handleBlockActions(deps, blockActions('pw:ack:99', '99'))).length, 0, 'unknown item');
  assert.equal((await handleBlockActions(deps, blockActions('pw:ack:1', '1', '<!channel>'))).length, 0, 'bad user id');
  assert.equal((await handleBlockActions(deps, { type: 'view_submission' })).length, 0);
  assert.equal((await handleBlockActions(deps, null)).length, 0);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM item_actions').get() as { n: number }).n, 0);
});

test('a failed message refresh does not lose the recorded action', async () => {
  const { stub, db, cap, slack, now } = await setup();
  stub.fault('chat.update', { kind: 'html500' });
  const done = await handleBlockActions({ db, log: cap.log, now, updateItemStatus: slack.updateItemStatus }, blockActions('pw:done:1', '1'));
  assert.equal(done.length, 1);
  assert.equal((db.prepare('SELECT status FROM items WHERE id = 1').get() as { status: string }).status, 'responded');
  assert.ok(cap.lines.some((l) => l.includes('could not update the alert message')));
});

test('Socket Mode: the envelope is acked and the button press recorded (WebSocket stand-in)', async () => {
  const { stub, db, cap, slack, now } = await setup();
  const svc = createSlackSocketService({ appToken: 'xapp-test', apiUrl: stub.url, db, log: cap.log, now, updateItemStatus: slack.updateItemStatus });
  await svc.start();
  try {
    assert.equal(stub.callsOf('apps.connections.open')[0]!.auth, 'Bearer xapp-test');
    await stub.waitFor(() => stub.socket.connections() === 1);
    stub.socket.send({ envelope_id: 'env-1', type: 'interactive', accepts_response_payload: false, payload: blockActions('pw:done:1', '1', 'U0OTHER') });
    await stub.waitFor(() => stub.socket.received.some((m) => m.envelope_id === 'env-1'));
    await stub.waitFor(() => stub.callsOf('chat.update').length === 1);
    const acts = db.prepare('SELECT action, actor, via FROM item_actions').all();
    assert.deepEqual(acts, [{ action: 'done', actor: 'U0OTHER', via: 'slack' }]);
    assert.match(JSON.stringify(stub.callsOf('chat.update')[0]!.body.blocks), /Marked responded by <@U0OTHER>/);
  } finally {
    await svc.stop();
  }
});

test('an edit after an action keeps the status line (the buttons do not come back)', async () => {
  const { stub, db, cap, slack, now } = await setup();
  await handleBlockActions({ db, log: cap.log, now, updateItemStatus: slack.updateItemStatus }, blockActions('pw:ack:1', '1'));
  const dispatcher = createDispatcher({ db, notifiers: [slack], log: cap.log, maxAttempts: 3, now });
  enqueue(db, { key: 'alert:v2:slack', channel: 'slack', kind: 'alert_update', itemId: 1, payload: alertPayload({ versionId: 2, edited: true }), now: now() });
  assert.equal(await dispatcher.runOnce(), 1);
  const last = stub.callsOf('chat.update').at(-1)!;
  const blocks = JSON.stringify(last.body.blocks);
  assert.match(blocks, /Edited: CRITICAL/);
  assert.match(blocks, /Acknowledged by <@U0RESPOND>/);
  assert.ok(!blocks.includes('"actions"'));
});
