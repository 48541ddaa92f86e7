import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectUrgent, urgentDetector } from '../../src/detectors/urgent.ts';

const codes = (text: string) => detectUrgent({ text }).map((f) => f.code).sort();
const read = (n: string) =>
  readFileSync(new URL(`../fixtures/detectors/${n}`, import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; urgent: boolean });

function score(rows: { text: string; urgent: boolean }[]) {
  let tp = 0, fp = 0, fn = 0;
  const missed: string[] = [], alarms: string[] = [];
  for (const r of rows) {
    const p = codes(r.text).length > 0;
    if (p && r.urgent) tp++;
    else if (p) (fp++, alarms.push(r.text));
    else if (r.urgent) (fn++, missed.push(r.text));
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp), missed, alarms };
}

test('own corpus (crises in many wordings vs hyperbole, past, education, jokes): recall and precision >= 95%', () => {
  for (const file of ['urgent-corpus.jsonl', 'urgent-holdout.jsonl', 'urgent-holdout2.jsonl', 'urgent-holdout3.jsonl']) {
    const rows = read(file);
    assert.ok(rows.filter((r) => r.urgent).length >= 20 && rows.filter((r) => !r.urgent).length >= 20, file);
    const s = score(rows);
    assert.ok(s.recall >= 0.95, `${file} recall ${s.recall}: missed ${s.missed.join(' | ')}`);
    assert.ok(s.precision >= 0.95, `${file} precision ${s.precision}: false alarms ${s.alarms.join(' | ')}`);
  }
});

test('the same concept fires now and not when past, resolved, generic, negated or joking', () => {
  const cases: [string, string[]][] = [
    ['My dad is clutching his chest and sweating, he looks gray', ['urgent.medical_emergency']],
    ['My dad had chest pain and sweating last year, turned out to be reflux', []],
    ['Chest pain with sweating is one of the signs of a heart attack, great poster in the lobby', []],
    ['No chest pain, no sweating, just a cough', []],
    ['thought I was having a heart attack but it was the espresso haha', []],
    ['My 2 year old just swallowed a button battery', ['urgent.overdose']],
    ['Three years ago my son swallowed a battery and the ER was great, he is fine now', []],
    ['i think tonight is the night. i have the pills lined up', ['urgent.self_harm']],
    ['When I was 19 I was suicidal. Ten years strong now and grateful to this clinic', []],
    ["If you or someone you know is thinking about suicide, call 988", []],
  ];
  for (const [text, want] of cases) assert.deepEqual(codes(text), want, text);
});

test('indirect ideation needs two cues; one ordinary goodbye or "i\'m done with this place" is not a crisis', () => {
  assert.deepEqual(codes("Not going to be here much longer. I've made arrangements for my cat"), ['urgent.self_harm']);
  assert.deepEqual(codes('please tell my sister i love her. i wont be around after tonight'), ['urgent.self_harm']);
  assert.deepEqual(codes('Just wanted to say goodbye to everyone at the clinic since I am moving to Denver. Going to miss you all'), []);
  assert.deepEqual(codes("I'm done with this practice, switching to another one"), []);
});

test('third-party reports, poisonings of children, postpartum crises and stalking threats are found', () => {
  assert.deepEqual(codes('My brother posted that he is going to end it tonight and will not answer his phone'), ['urgent.self_harm']);
  assert.deepEqual(codes('Just found my 3yo with an open bottle of vitamins, half of it is gone'), ['urgent.overdose']);
  assert.deepEqual(codes('Since having my baby I keep thinking about hurting her and I am terrified'), ['urgent.violence']);
  assert.deepEqual(codes("I'm waiting outside the clinic for the nurse who lost my file, she'll find out"), ['urgent.violence']);
  assert.deepEqual(codes("Front desk said they'd shoot me an email with the forms"), []);
  assert.deepEqual(codes('The discharge nurse took 20 minutes going over my meds'), []);
});

test('flag contract: critical, stable codes, fixed PHI-free reasons, version bumped', () => {
  const flags = detectUrgent({ text: 'My friend Dana Whitfield texted me goodbye and says she took all her pills' });
  assert.ok(flags.length > 0);
  for (const f of flags) {
    assert.equal(f.category, 'urgent');
    assert.equal(f.severity, 'critical');
    assert.match(f.code, /^urgent\.(?:self_harm|overdose|medical_emergency|violence)$/);
    assert.doesNotMatch(f.reason, /dana|whitfield|pills/i);
  }
  assert.ok(urgentDetector.version >= 2);
  assert.deepEqual(detectUrgent({ text: 'I want to kill myself tonight', byPractice: true }), []);
});
