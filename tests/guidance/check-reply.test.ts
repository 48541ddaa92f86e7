import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkReply, REPLY_PROBLEM_CODES } from '../../src/guidance/check-reply.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';
import type { Entity, PracticeFacts } from '../../src/core/types.ts';

interface Fixture {
  id: string;
  post?: string;
  reply: string;
  expect?: string[];
}
const load = (name: string): Fixture[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/replies/${name}`, import.meta.url), 'utf8')) as Fixture[];
const SAFE = load('safe.json');
const UNSAFE = load('unsafe.json');
const practice = DEMO_PRACTICE;

const spans = (reply: string, r: ReturnType<typeof checkReply>) => r.problems.map((p) => [p.code, reply.slice(p.start, p.end)]);

test('the brief\'s ordinary safe reply passes without complaint', () => {
  const reply =
    'Thank you for sharing your feedback. We take every concern seriously. Please call our office manager at (555) 010-4477 so we can learn more.';
  assert.deepEqual(checkReply(reply, { practice }), { ok: true, problems: [] });
  for (const phrase of ['your feedback', 'your concerns', 'your experience', 'your comments', 'your review', 'your patience']) {
    assert.equal(checkReply(`Thank you for ${phrase}.`, { practice }).ok, true, phrase);
  }
});

test('fixture set: zero false alarms on safe replies, >= 95% of unsafe replies caught', () => {
  assert.ok(SAFE.length >= 60 && UNSAFE.length >= 60, 'at least 60 of each');
  const falseAlarms = SAFE.filter((f) => !checkReply(f.reply, { practice, post: f.post }).ok);
  let caught = 0;
  let expectedCode = 0;
  const missed: string[] = [];
  for (const f of UNSAFE) {
    const r = checkReply(f.reply, { practice, post: f.post });
    if (!r.ok) caught++;
    else missed.push(f.id);
    if (f.expect?.some((c) => r.problems.some((p) => p.code === c))) expectedCode++;
  }
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  console.log(
    `reply checker: safe ${SAFE.length}, false alarms ${falseAlarms.length} (${pct(falseAlarms.length, SAFE.length)}); ` +
      `unsafe ${UNSAFE.length}, caught ${caught} (${pct(caught, UNSAFE.length)}), with an expected code ${expectedCode} (${pct(expectedCode, UNSAFE.length)})`,
  );
  assert.deepEqual(falseAlarms.map((f) => f.id), [], 'false alarms on safe replies');
  assert.ok(caught / UNSAFE.length >= 0.95, `caught only ${caught}/${UNSAFE.length}; missed ${missed.join(', ')}`);
  assert.ok(expectedCode / UNSAFE.length >= 0.9, `expected code found on only ${expectedCode}/${UNSAFE.length}`);
});

test('every fixture expectation uses a known code', () => {
  for (const f of UNSAFE) for (const c of f.expect ?? []) assert.ok(REPLY_PROBLEM_CODES.includes(c as never), `${f.id}: ${c}`);
});

test('confirms_relationship: offsets point at the phrase', () => {
  const reply = 'We are sorry. Our records show you were seen twice, and we reviewed your chart.';
  const r = checkReply(reply, { practice });
  assert.equal(r.ok, false);
  assert.deepEqual(spans(reply, r), [
    ['confirms_relationship', 'Our records show'],
    ['confirms_relationship', 'you were seen'],
    ['confirms_relationship', 'reviewed your chart'],
  ]);
  for (const p of r.problems) assert.ok(p.start >= 0 && p.end <= reply.length && p.start < p.end);
});

test('denying a relationship is as bad as confirming it', () => {
  for (const reply of ['We have no record of you.', 'You are not a patient here.', 'We have never seen you in our office.']) {
    const r = checkReply(reply, { practice });
    assert.ok(r.problems.some((p) => p.code === 'confirms_relationship'), reply);
  }
});

test('identifiers are caught, but the practice\'s own facts are fine in any format', () => {
  const own =
    'Call Maple Grove Family Medicine at 555.010.4478 or (555) 010-4477, e-mail office@maplegrovefamilymed.example, ' +
    'see https://www.maplegrovefamilymed.example, visit us at 1200 Maple Grove Ave, Suite 300, Springfield, IL 62704, ' +
    'or ask for Dr. Okafor, Dr. Helena Okafor, Priya Ramanathan or Tamsin Delacroix.';
  assert.deepEqual(checkReply(own, { practice }).problems, []);
  const reply = 'Hi Dana, about claim 88341-B: call (555) 019-2231 or dana.p@example.com about the $460 on 3/12.';
  const r = checkReply(reply, { practice });
  const found = spans(reply, r).filter(([c]) => c === 'identifier').map(([, s]) => s);
  assert.deepEqual(found, ['Dana', 'claim 88341-B', '(555) 019-2231', 'dana.p@example.com', '$460', '3/12']);
  const more = 'We mailed it to 77 Larkspur Hill Rd. to card 4111 1111 1111 1111, back in 2019, when you turned 64.';
  const m = checkReply(more, { practice });
  assert.deepEqual(
    spans(more, m).filter(([c]) => c === 'identifier').map(([, s]) => s),
    ['77 Larkspur Hill Rd.', '4111 1111 1111 1111', 'back in 2019', 'turned 64'],
  );
  // A number followed by "ask for Dr. …" is not a street address ("Dr" is a title here).
  assert.equal(checkReply('Please call (555) 010-4477 and ask for Dr. Okafor.', { practice }).ok, true);
});

test('health details and medical advice', () => {
  const reply = 'That rash is normal; you should take ibuprofen 400 mg twice a day.';
  const r = checkReply(reply, { practice });
  const codes = new Set(r.problems.map((p) => p.code));
  assert.ok(codes.has('medical_advice'));
  assert.ok(codes.has('health_detail'));
  assert.deepEqual(
    spans(reply, r).filter(([c]) => c === 'medical_advice').map(([, s]) => s),
    ['rash is normal', 'you should take', '400 mg', 'twice a day'],
  );
  // A practice that is itself about a condition: its name is not a health detail.
  const clinic: PracticeFacts = { ...practice, name: 'Lakeside Diabetes & Asthma Clinic' };
  assert.equal(checkReply('Please call Lakeside Diabetes & Asthma Clinic at (555) 010-4477.', { practice: clinic }).ok, true);
});

test('argumentative and blaming language', () => {
  for (const reply of [
    'Actually, we were on time.', 'That\'s not true.', 'You failed to bring your card.', 'As we told you, the policy is firm.',
    'You refused the test.', 'You were late.',
  ]) {
    assert.ok(checkReply(reply, { practice }).problems.some((p) => p.code === 'argumentative'), reply);
  }
});

test('echoes_post: distinctive words and numbers of the post, not generic ones', () => {
  const post = 'Waited 3 hours in the lobby because the receptionist with purple hair lost my paperwork. Horrible experience, bad care.';
  const echo = 'We are sorry the receptionist lost the paperwork.';
  const r = checkReply(echo, { practice, post });
  assert.deepEqual(spans(echo, r), [['echoes_post', 'receptionist lost the paperwork']]);
  // Generic words shared with the post ("experience", "care", "hours") are not an echo.
  const generic = 'We are sorry about your experience. Good care matters to us. Please call (555) 010-4477 during business hours.';
  assert.deepEqual(checkReply(generic, { practice, post }).problems, []);
  // Without a post there is nothing to echo.
  assert.equal(checkReply(echo, { practice }).ok, true);
  const numbers = checkReply('Sorry about the 2 hour 45 minute delay.', { practice, post: 'Delayed 2 hours 45 minutes!' });
  assert.ok(numbers.problems.some((p) => p.code === 'echoes_post'));
});

test('an injected entity finder adds identifiers; spans inside practice facts are ignored', () => {
  const reply = 'Thanks, Jordan would like to hear from you at (555) 010-4477.';
  const calls: string[] = [];
  const findEntities = (text: string, p: PracticeFacts): Entity[] => {
    calls.push(p.name);
    return [
      { type: 'person', start: text.indexOf('Jordan'), end: text.indexOf('Jordan') + 6 },
      { type: 'phone', start: text.indexOf('(555)'), end: text.indexOf('(555)') + 14 },
    ];
  };
  const r = checkReply(reply, { practice, findEntities });
  assert.deepEqual(calls, [practice.name]);
  assert.deepEqual(spans(reply, r), [['identifier', 'Jordan']]);
  const health = checkReply('We hope it heals.', {
    practice,
    findEntities: () => [{ type: 'health', start: 12, end: 17 }],
  });
  assert.deepEqual(health.problems.map((p) => p.code), ['health_detail']);
  // A finder that throws fails closed: the error surfaces instead of a reply passing unchecked.
  assert.throws(() => checkReply('Thank you.', { practice, findEntities: () => { throw new Error('x'); } }), /x/);
});

test('messages never quote the reply or the post', () => {
  for (const f of UNSAFE) {
    const r = checkReply(f.reply, { practice, post: f.post });
    for (const p of r.problems) {
      const quoted = f.reply.slice(p.start, p.end);
      if (quoted.length >= 4) assert.ok(!p.message.toLowerCase().includes(quoted.toLowerCase()), `${f.id}: message quotes "${quoted}"`);
      assert.ok(REPLY_PROBLEM_CODES.includes(p.code));
    }
  }
});

test('offsets are JS indices into the original reply, even with astral characters and curly quotes', () => {
  const reply = '😀😀 We’re sorry about your visit — you were seen by Mr. Brown.';
  const r = checkReply(reply, { practice });
  assert.deepEqual(spans(reply, r), [
    ['confirms_relationship', 'your visit'],
    ['confirms_relationship', 'you were seen'],
    ['identifier', 'Mr. Brown'],
  ]);
});

test('empty and odd input', () => {
  assert.deepEqual(checkReply('', { practice }), { ok: true, problems: [] });
  assert.equal(checkReply('   \n ', { practice, post: '' }).ok, true);
});
