// The digest and reminder e-mails through a REAL SMTP server (smtp-server on 127.0.0.1), delivered by the real
// outbox dispatcher: headers, both parts, masking, escaping, once per week across restarts and SMTP outages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createEmailNotifier, mapSmtpError } from '../../src/notifiers/email.ts';
import { createDigestService, enqueueDigest } from '../../src/digest/schedule.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { NotifierError } from '../../src/core/errors.ts';
import { silentLog } from '../helpers/backbone.ts';
import { closedPort, startSmtp } from '../helpers/smtp.ts';
import { HOSTILE_SOURCE, NOW, PLANTED, PRACTICE, digestConfig, seed, seedWithSmtp } from './_seed.ts';
import type { Db } from '../../src/store/db.ts';

function notifierFor(port: number, extra: { user?: string; password?: string } = {}) {
  return createEmailNotifier({
    smtp: { host: '127.0.0.1', port, secure: false, requireTLS: false, connectionTimeoutMs: 2000, greetingTimeoutMs: 2000, socketTimeoutMs: 5000, ...extra },
    from: 'PracticeWatch <pw@maplegrove.example>',
    log: silentLog,
    responderEmail: 'manager@maplegrove.example',
    practiceName: 'Maple Grove Family Medicine',
  });
}

function dispatcherFor(db: Db, port: number, clock: { t: number }) {
  return createDispatcher({ db, notifiers: [notifierFor(port)], log: silentLog, maxAttempts: 5, now: () => clock.t, random: () => 0.5 });
}

const outboxRow = (db: Db, key: string) =>
  db.prepare('SELECT status, attempts, last_error, next_attempt_at FROM outbox WHERE idempotency_key = ?').get(key) as
    | { status: string; attempts: number; last_error: string | null; next_attempt_at: number }
    | undefined;

test('the weekly digest arrives once, multipart, masked and escaped', async (t) => {
  const { s, smtp } = await seedWithSmtp(t);
  const clock = { t: NOW };
  const r = enqueueDigest({ db: s.db, config: digestConfig(), practice: PRACTICE, week: { year: 2026, week: 47 }, now: NOW });
  assert.deepEqual(r, { key: 'digest:2026-W47', enqueued: true });
  const payload = (s.db.prepare(`SELECT payload_json FROM outbox WHERE idempotency_key = 'digest:2026-W47'`).get() as { payload_json: string }).payload_json;
  for (const p of PLANTED) assert.ok(!payload.includes(p), `the outbox payload holds "${p}"`);

  const dispatcher = dispatcherFor(s.db, smtp.port, clock);
  assert.equal(await dispatcher.runOnce(), 1);
  await dispatcher.stop();
  assert.equal(smtp.messages.length, 1);
  const m = smtp.messages[0]!;
  assert.equal(m.from, 'pw@maplegrove.example');
  assert.deepEqual(m.to, ['manager@maplegrove.example', 'owner@maplegrove.example']);
  assert.equal(m.parsed.from?.value[0]?.address, 'pw@maplegrove.example');
  assert.match(m.parsed.subject ?? '', /^Weekly digest 2026-W47 \(Nov 16 – 22, 2026\) — Maple Grove Family Medicine: 4 flagged, 3 open/);
  assert.match(m.raw, /Content-Type: multipart\/alternative/i);
  assert.match(m.raw, /^Auto-Submitted: auto-generated/im);
  assert.equal(m.parsed.messageId, '<digest.2026-W47.pw@maplegrove.example>');
  const html = String(m.parsed.html);
  const text = m.parsed.text ?? '';
  assert.match(html, /data-chart="ratings"/);
  assert.match(html, /Still open \(3\)/);
  assert.match(text, /STILL OPEN \(3\)/);
  for (const p of PLANTED) assert.ok(!m.raw.includes(p) && !html.includes(p) && !text.includes(p), `planted "${p}" reached the e-mail`);
  assert.ok(!/<script|<img/i.test(html));
  assert.ok(html.includes('&lt;script&gt;alert(&quot;src&quot;)&lt;/script&gt; Yelp'));
  assert.ok(text.includes(HOSTILE_SOURCE), 'the text part shows the source name as plain text');
  assert.equal(outboxRow(s.db, 'digest:2026-W47')?.status, 'sent');
});

test('exactly one digest per week across restarts (startup enqueue twice + dispatcher) and an SMTP outage', async (t) => {
  const s = seed();
  const port = await closedPort();
  const clock = { t: NOW };
  let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
  t.after(async () => {
    await smtp?.close();
    s.cleanup();
  });
  const start = async () => {
    const svc = createDigestService({ db: s.db, config: digestConfig(), practice: PRACTICE, log: silentLog, now: () => clock.t });
    svc.start();
    await svc.stop();
  };
  // First run: the SMTP server is down.
  await start();
  const d1 = dispatcherFor(s.db, port, clock);
  assert.equal(await d1.runOnce(), 0);
  await d1.stop();
  let row = outboxRow(s.db, 'digest:2026-W47')!;
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.match(row.last_error ?? '', /^SMTP (ECONNECTION|ESOCKET): could not reach the SMTP server/);
  // Restart (the service enqueues at startup again) and the server comes back on the same port.
  clock.t += 60 * 60_000;
  await start();
  await start();
  assert.equal((s.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE kind = 'digest'`).get() as { n: number }).n, 1);
  smtp = await startSmtp({ port });
  const d2 = dispatcherFor(s.db, port, clock);
  assert.equal(await d2.runOnce(), 1);
  assert.equal(await d2.runOnce(), 0);
  await d2.stop();
  // Another restart and dispatcher run later in the week: still one message.
  clock.t += 24 * 60 * 60_000;
  await start();
  const d3 = dispatcherFor(s.db, port, clock);
  assert.equal(await d3.runOnce(), 0);
  await d3.stop();
  assert.equal(smtp.messages.length, 1);
  assert.match(smtp.messages[0]!.parsed.subject ?? '', /2026-W47/);
  row = outboxRow(s.db, 'digest:2026-W47')!;
  assert.equal(row.status, 'sent');
  assert.equal(row.attempts, 2);
});

test('a restart before the scheduled hour on Monday does not send the finished week early', async (t) => {
  const s = seed();
  t.after(s.cleanup);
  // Monday Nov 23 2026, 07:00 New York; the schedule is Monday 08:00.
  const svc = createDigestService({ db: s.db, config: digestConfig('0 8 * * 1'), practice: PRACTICE, log: silentLog, now: () => Date.parse('2026-11-23T12:00:00Z') });
  assert.deepEqual(svc.check(), { week: '2026-W46', enqueued: true });
  assert.equal(outboxRow(s.db, 'digest:2026-W47'), undefined);
  await svc.stop();
});

test('SMTP failures map to the outbox: 4xx retried, 5xx dead, bad login parked as a configuration problem', async (t) => {
  const { s, smtp } = await seedWithSmtp(t);
  const clock = { t: NOW };
  enqueueDigest({ db: s.db, config: digestConfig(), practice: PRACTICE, week: { year: 2026, week: 47 }, now: NOW });
  smtp.reject(451);
  const d = dispatcherFor(s.db, smtp.port, clock);
  assert.equal(await d.runOnce(), 0);
  let row = outboxRow(s.db, 'digest:2026-W47')!;
  assert.equal(row.status, 'pending');
  assert.match(row.last_error ?? '', /^SMTP EMESSAGE 451|^SMTP [A-Z]+ 451/);
  assert.ok(!/Try again later/.test(row.last_error ?? ''), 'server text is not stored');
  clock.t = row.next_attempt_at;
  smtp.reject(550);
  assert.equal(await d.runOnce(), 0);
  row = outboxRow(s.db, 'digest:2026-W47')!;
  assert.equal(row.status, 'dead');
  assert.match(row.last_error ?? '', / 550: the SMTP server refused the message permanently/);
  await d.stop();
  assert.equal(smtp.messages.length, 0);

  // Wrong password: a configuration problem (kept, not an attempt, not dead).
  smtp.requireAuth('pw', 'right');
  enqueueDigest({ db: s.db, config: digestConfig(), practice: PRACTICE, week: { year: 2026, week: 46 }, now: NOW });
  const bad = createDispatcher({ db: s.db, notifiers: [notifierFor(smtp.port, { user: 'pw', password: 'wrong' })], log: silentLog, maxAttempts: 5, now: () => clock.t });
  assert.equal(await bad.runOnce(), 0);
  await bad.stop();
  row = outboxRow(s.db, 'digest:2026-W46')!;
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 0);
  assert.match(row.last_error ?? '', /^config: SMTP EAUTH 535/);
  const good = createDispatcher({ db: s.db, notifiers: [notifierFor(smtp.port, { user: 'pw', password: 'right' })], log: silentLog, maxAttempts: 5, now: () => clock.t });
  assert.equal(await good.runOnce(), 1, 're-armed after a config fix (restart)');
  await good.stop();
  assert.equal(smtp.messages.length, 1);
});

test('mapSmtpError', () => {
  const e = (o: object) => Object.assign(new Error('server said: Marjorie Fenwick'), o);
  const cases: [object, boolean, boolean][] = [
    [{ code: 'EAUTH', responseCode: 535 }, false, true],
    [{ code: 'ECONNECTION' }, true, false],
    [{ code: 'ETIMEDOUT' }, true, false],
    [{ code: 'EENVELOPE', responseCode: 452 }, true, false],
    [{ code: 'EENVELOPE', responseCode: 550 }, false, false],
    [{ code: 'EMESSAGE', responseCode: 554 }, false, false],
    [{ code: 'ETLS' }, false, true],
  ];
  for (const [o, retryable, config] of cases) {
    const m = mapSmtpError(e(o));
    assert.ok(m instanceof NotifierError);
    assert.equal(m.retryable, retryable, JSON.stringify(o));
    assert.equal(m.configProblem, config, JSON.stringify(o));
    assert.ok(!m.message.includes('Marjorie'), 'never the server text');
  }
});

test('a critical reminder e-mail goes to the responder, masked and escaped', async (t) => {
  const { s, smtp } = await seedWithSmtp(t);
  const payload = {
    type: 'alert', itemId: s.ids.B, versionId: 1, sourceId: 'yelp-x', sourceName: HOSTILE_SOURCE, url: 'https://reviews.example/r/b',
    postedAt: null, rating: 2, severity: 'critical', categories: ['urgent'],
    reasons: [{ category: 'urgent', severity: 'critical', code: 'urgent.self_harm', reason: 'Mentions self-harm' }],
    action: { code: 'call', text: 'Call the crisis line' }, draftReply: null,
    excerpt: 'I cannot go on, [name] knows <img src=x onerror=alert(1)>', edited: false, reminder: true,
  };
  enqueue(s.db, { key: `reminder:${s.ids.B}:1:email`, channel: 'email', kind: 'reminder', itemId: s.ids.B, payload, now: NOW });
  const d = dispatcherFor(s.db, smtp.port, { t: NOW });
  assert.equal(await d.runOnce(), 1);
  await d.stop();
  assert.equal(smtp.messages.length, 1);
  const m = smtp.messages[0]!;
  assert.deepEqual(m.to, ['manager@maplegrove.example']);
  assert.match(m.parsed.subject ?? '', new RegExp(`^Reminder: critical alert #${s.ids.B} not acknowledged`));
  const html = String(m.parsed.html);
  assert.ok(!/<script|<img/i.test(html));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.match(m.parsed.text ?? '', new RegExp(`practicewatch items ack ${s.ids.B}`));
  for (const p of PLANTED) assert.ok(!m.raw.includes(p));
});

test('logs of failed and successful e-mail deliveries carry no post text, names or server replies', async (t) => {
  const { createLogger } = await import('../../src/log.ts');
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (s: string) => void lines.push(s) } });
  const { s, smtp } = await seedWithSmtp(t);
  const clock = { t: NOW };
  const svc = createDigestService({ db: s.db, config: digestConfig(), practice: PRACTICE, log, now: () => clock.t });
  svc.start();
  await svc.stop();
  const notifier = createEmailNotifier({ smtp: { host: '127.0.0.1', port: smtp.port, secure: false, requireTLS: false }, from: 'pw@maplegrove.example', log, responderEmail: 'manager@maplegrove.example' });
  const d = createDispatcher({ db: s.db, notifiers: [notifier], log, maxAttempts: 5, now: () => clock.t, random: () => 0 });
  smtp.reject(451);
  await d.runOnce();
  clock.t += 60_000;
  await d.runOnce();
  await d.stop();
  assert.equal(smtp.messages.length, 1);
  const all = lines.join('');
  assert.match(all, /weekly digest enqueued/);
  assert.match(all, /outbox delivery failed; will retry/);
  for (const p of [...PLANTED, 'Try again later', 'manager@maplegrove.example', '[condition]']) assert.ok(!all.includes(p), `log contains "${p}"`);
});
