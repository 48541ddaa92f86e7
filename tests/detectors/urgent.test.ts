import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectUrgent } from '../../src/detectors/urgent.ts';

const codes = (text: string) => detectUrgent({ text }).map((f) => f.code);

test('crises now are critical with a code per kind', () => {
  assert.deepEqual(codes('I want to kill myself tonight.'), ['urgent.self_harm']);
  assert.deepEqual(codes('I took a whole bottle of my sleeping pills an hour ago.'), ['urgent.overdose']);
  assert.deepEqual(codes('I am having chest pain right now and my left arm is numb.'), ['urgent.medical_emergency']);
  assert.deepEqual(codes("I'm going to shoot the receptionist."), ['urgent.violence']);
  assert.ok(detectUrgent({ text: 'I want to die.' }).every((f) => f.severity === 'critical'));
});

test('idioms, past and negated mentions are not urgent', () => {
  for (const t of [
    'This wait is killing me.',
    'I had chest pain last year and Dr. Okafor saved my life.',
    "I'm not suicidal, just frustrated with billing.",
    'Bored to death in the waiting room.',
    'My dad had a stroke in 2019 and they helped him recover.',
  ]) assert.deepEqual(codes(t), [], t);
});

test('fixtures: every crisis but at most one found, no false alarm on ordinary reviews', () => {
  const read = <T>(n: string) => readFileSync(new URL(`../fixtures/detectors/${n}`, import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as T);
  const urg = read<{ text: string; urgent: boolean }>('urgent.jsonl');
  const missed = urg.filter((r) => r.urgent && codes(r.text).length === 0).length;
  const falseAlarms = urg.filter((r) => !r.urgent && codes(r.text).length > 0).length;
  assert.ok(missed <= Math.ceil(urg.filter((r) => r.urgent).length * 0.15), `missed ${missed}`);
  assert.equal(falseAlarms, 0);
  assert.equal(read<{ text: string }>('reviews.jsonl').filter((r) => codes(r.text).length > 0).length, 0);
});

test('extra fixture: informal, indirect and apostrophe-less crises found; idioms, jokes and past events not', () => {
  const rows = readFileSync(new URL('../fixtures/detectors/urgent-extra.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; urgent: boolean });
  const missed = rows.filter((r) => r.urgent && codes(r.text).length === 0).map((r) => r.text);
  const falseAlarms = rows.filter((r) => !r.urgent && codes(r.text).length > 0).map((r) => r.text);
  assert.ok(missed.length <= Math.ceil(rows.filter((r) => r.urgent).length * 0.1), `missed ${missed.join(' | ')}`);
  assert.ok(falseAlarms.length <= 1, `false alarms ${falseAlarms.join(' | ')}`);
});

test('general forms: apostrophe-less, symptom clusters, conditional and reported threats', () => {
  assert.deepEqual(codes('im done with everything and nobody would care if i was gone'), ['urgent.self_harm']);
  assert.deepEqual(codes('she is clammy and says her chest feels heavy'), ['urgent.medical_emergency']);
  assert.deepEqual(codes('if they cancel on me again someone in that office is gonna get hurt'), ['urgent.violence']);
  assert.deepEqual(codes('my boyfriend told me he would kill me if i went to the police'), ['urgent.violence']);
  assert.deepEqual(codes('the line at the pharmacy is suicide on a friday'), []);
  assert.deepEqual(codes('last day at work, sad to say goodbye to everyone here'), []);
});
