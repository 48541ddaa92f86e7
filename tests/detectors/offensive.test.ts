import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectOffensive } from '../../src/detectors/offensive.ts';

const codes = (text: string) => detectOffensive({ text }).map((f) => `${f.code}:${f.severity}`);

test('profanity, incl. obfuscated spellings', () => {
  assert.ok(codes('What the fuck is wrong with this office').includes('offensive.profanity:low'));
  assert.ok(codes('f*ck this practice').some((c) => c.startsWith('offensive.profanity')));
  assert.ok(codes('this place is sh1t').some((c) => c.startsWith('offensive.profanity')));
});

test('slurs are high, insults are harassment', () => {
  assert.ok(codes('that receptionist is a retard').includes('offensive.slur:high'));
  assert.ok(codes('The receptionist is a stupid fat cow.').includes('offensive.harassment:medium'));
  assert.ok(codes('Dr. Brandt is a complete idiot.').includes('offensive.harassment:medium'));
});

test('threat against staff is high, critical when imminent', () => {
  assert.ok(codes('Someone should slap that smug nurse.').includes('offensive.threat_staff:high'));
  assert.ok(codes('Watch your back, I know where the office manager parks.').includes('offensive.threat_staff:high'));
  assert.ok(codes("I'm going to come down there today and shoot that receptionist.").includes('offensive.threat_staff:critical'));
});

test('clinical words, names and idioms are not offensive', () => {
  for (const t of [
    'The doctor treated my anal fissure with great care.',
    'Dr. Dick Peterson is a wonderful surgeon.',
    'The nurse explained my vaginal infection kindly.',
    'My penis surgery went well.',
    'This wait is killing me.',
    'She killed it with the explanation of my treatment.',
    'The wait was long and the receptionist was rude.',
  ]) assert.deepEqual(codes(t), [], t);
});

test('insults without profanity, wishes of harm, intimidation and spaced/masked profanity; hard negatives stay clean', async () => {
  const { readFileSync } = await import('node:fs');
  const rows = ['offensive-extra.jsonl', 'offensive-extra2.jsonl', 'offensive-extra3.jsonl', 'offensive-extra4.jsonl'].flatMap((f) => readFileSync(new URL(`../fixtures/detectors/${f}`, import.meta.url), 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l) as { text: string; offensive: boolean }));
  assert.ok(rows.filter((r) => r.offensive).length >= 60 && rows.filter((r) => !r.offensive).length >= 40);
  for (const r of rows) assert.equal(detectOffensive({ text: r.text }).length > 0, r.offensive, r.text);
});

test('wishes and intimidation need a person or the practice as target', () => {
  assert.ok(codes('I hope that nurse gets hit by a car.').includes('offensive.harassment:medium'));
  assert.ok(codes('Someone should teach the receptionist a lesson.').includes('offensive.harassment:medium'));
  for (const t of ['I hope the doctor gets better soon.', 'Hope the pain dies down.', 'I hope they go out of business.',
    'The clinic is a pig sty.', 'I felt like an idiot asking.', 'They teach the patients a lesson about diet.',
    "Her bitchin' playlist made the wait fun.", 'It was a hot office with no AC.', 'The nurse asked to see my mom alone to get her alone time.',
    'Dr. Ouedraogo trained in Niger before moving here.', 'It was such a sob story but the nurse listened.',
    'I must be a moron for forgetting my card.', 'The trash men came during my appointment.']) assert.deepEqual(codes(t), [], t);
});

test('surnames and words that merely contain a term are not profanity; profane compounds still are', () => {
  for (const text of ['Dr. Dickson fixed my bunion.', 'Ask for Mr. Dickens at the desk.', 'Dr. Shittu was wonderful.', 'Dr. Wankhede is kind.', 'We saw Dr. Dickerson and Dr. Dickinson.', 'Pilot here, the cockpit was cleaner than this waiting room.']) {
    assert.deepEqual(detectOffensive({ text }).map((f) => f.code), [], text);
  }
  for (const text of ['You Dickhead.', 'this is Shitty service', 'Wankers, all of them.']) {
    assert.ok(detectOffensive({ text }).some((f) => f.code === 'offensive.profanity'), text);
  }
});
