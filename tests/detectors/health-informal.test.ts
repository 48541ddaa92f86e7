// Informal, real-world health talk (injuries, body-part symptoms, care settings and devices, pregnancy, plain-words
// mental health, lay names, abbreviations, drug brands) and the everyday uses of the same words. Fixtures are invented
// and were written before tuning; health-informal-holdout.jsonl was scored only once, after tuning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findHealth } from '../../src/detectors/pii/health.ts';

interface Row { text: string; health: string[] }
const rows = (name: string): Row[] =>
  readFileSync(new URL(`../fixtures/detectors/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
const spans = (text: string) => findHealth(text).map((e) => text.slice(e.start, e.end));

/** Gold spans found (a predicted span overlapping each), and the misses. */
function recall(data: Row[]): { hit: number; all: number; misses: string[] } {
  let hit = 0;
  let all = 0;
  const misses: string[] = [];
  for (const r of data) {
    const pred = findHealth(r.text);
    for (const g of r.health) {
      const s = r.text.indexOf(g);
      assert.ok(s >= 0, `fixture: "${g}" is in "${r.text}"`);
      all++;
      if (pred.some((p) => p.start < s + g.length && p.end > s)) hit++;
      else misses.push(`${g} | ${r.text}`);
    }
  }
  return { hit, all, misses };
}

test('informal health talk (development fixture): every mention is found', () => {
  const r = recall(rows('health-informal-dev.jsonl'));
  assert.ok(r.all >= 80);
  assert.deepEqual(r.misses, []);
});

test('informal health talk (held-out fixture): recall stays at its measured level', () => {
  const r = recall(rows('health-informal-holdout.jsonl'));
  assert.ok(r.all >= 60);
  // measured once after tuning (see the commit message); a drop below this means a regression
  assert.ok(r.hit / r.all >= HOLDOUT_FLOOR, `held-out recall ${r.hit}/${r.all}; misses:\n${r.misses.join('\n')}`);
});

test('ordinary reviews that borrow the same words tag nothing', () => {
  for (const r of rows('health-ordinary.jsonl')) assert.deepEqual(spans(r.text), [], r.text);
});

test('idioms stay idioms', () => {
  for (const text of [
    'My heart goes out to the front desk, they were swamped',
    'The billing mess broke my heart',
    'The receptionist rolled her eyes at me',
    'They twisted my arm into signing up for the portal',
    'Felt like I was hitting my head against a wall with billing',
    'You must be pulling my leg with these prices',
    'They were expecting me and the room was ready',
    "I'm due for a new phone",
    'The phone system had a total breakdown on Monday',
    'Please call back before 5pm PT',
    'We had a fall festival in the lobby',
    'I admitted I was late',
  ]) {
    assert.deepEqual(spans(text), [], text);
  }
});

test('patterns need an owner or a person: the same words about a thing are not health talk', () => {
  assert.ok(spans('her knee gave out on the stairs').length > 0);
  assert.deepEqual(spans('the shelf gave out on the stairs'), []);
  assert.ok(spans('Dad had a fall last week').length > 0);
  assert.deepEqual(spans('Dad had a fall-back plan'), []);
  assert.ok(spans('we are expecting in May').length > 0);
  assert.deepEqual(spans('we are expecting a lot of rain in May'), []);
  assert.ok(spans('Grandpa uses a walker').length > 0);
  assert.deepEqual(spans('Mrs. Walker called'), []);
  assert.ok(spans('I go to PT twice a week').length > 0);
  assert.ok(spans("Dad's pressure has been high").length > 0);
  assert.deepEqual(spans('There is a lot of pressure on the staff'), []);
});

test('drug brands and generics people type are found', () => {
  for (const w of ['Trintellix', 'Repatha', 'Xifaxan', 'donepezil', 'Belsomra', 'Biktarvy', 'Nurtec', 'meclizine']) {
    assert.ok(spans(`I was started on ${w} last month`).length > 0, w);
  }
});

// 70/72 (0.972) when first scored after tuning; the code before this round found 54/72 (0.750).
const HOLDOUT_FLOOR = 0.95;
