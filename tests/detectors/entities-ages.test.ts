// Ages: "56F", "(34m)", "67 yo", "age: 45", "aged 45", number words, "a 3 month old", "in her 80s", "turning 40".
// Fixtures are our own invented lines: ages-dev.jsonl was used for tuning, ages-holdout.jsonl only for measuring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findEntities } from '../../src/detectors/entities.ts';
import type { PracticeFacts } from '../../src/core/types.ts';

const practice: PracticeFacts = {
  name: 'Lakeside Family Medicine', phones: [], addresses: [], website: null, hours: {}, timezone: 'UTC', providers: [],
  staff: [], insurance_accepted: [], insurance_not_accepted: [], contact_phone: '(555) 201-3344', contact_email: null,
};
const ages = (text: string) => findEntities(text, practice).filter((e) => e.type === 'age').map((e) => text.slice(e.start, e.end));

interface Line { text: string; age: string[] }
const lines = (name: string): Line[] =>
  readFileSync(new URL(`../fixtures/detectors/${name}`, import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

function measure(rows: Line[]) {
  let hit = 0, n = 0, falsePositives = 0;
  const misses: string[] = [];
  for (const r of rows) {
    const found = findEntities(r.text, practice).filter((e) => e.type === 'age');
    const gold = r.age.map((g) => {
      const s = r.text.indexOf(g);
      assert.ok(s >= 0, `fixture age "${g}" not in its line`);
      return [s, s + g.length] as const;
    });
    for (const [s, e] of gold) {
      n++;
      if (found.some((f) => Math.min(f.end, e) - Math.max(f.start, s) >= (e - s) / 2)) hit++;
      else misses.push(r.text.slice(s, e));
    }
    falsePositives += found.filter((f) => !gold.some(([s, e]) => f.start < e && s < f.end)).length;
  }
  return { recall: n ? hit / n : 1, falsePositives, misses };
}

test('ages-dev fixture: every age found, nothing else called an age', () => {
  const m = measure(lines('ages-dev.jsonl'));
  assert.deepEqual(m.misses, []);
  assert.equal(m.falsePositives, 0);
});

test('ages-holdout fixture (never tuned on): recall ≥ 0.85, nothing else called an age', () => {
  const m = measure(lines('ages-holdout.jsonl'));
  assert.ok(m.recall >= 0.85, `recall ${m.recall.toFixed(3)}; missed ${m.misses.join(', ')}`);
  assert.equal(m.falsePositives, 0);
});

test('sex-and-age shorthand: only the number is the age', () => {
  assert.deepEqual(ages('56F here, my A1c was 9.'), ['56']);
  assert.deepEqual(ages('Me (34m) and my wife (31f) both got covid.'), ['34', '31']);
  assert.deepEqual(ages('34M with chest tightness'), ['34']);
});

test('ages after cue words, in digits and in words', () => {
  assert.deepEqual(ages('Patient age: 45, history of migraines.'), ['45']);
  assert.deepEqual(ages('My father (72) had a stroke.'), ['72']);
  assert.deepEqual(ages('My father is 72 and had a stroke.'), ['72']);
  assert.deepEqual(ages('My grandmother is seventy-two and has dementia.'), ['seventy-two']);
  assert.deepEqual(ages('As a fifty-year-old woman with lupus'), ['fifty-year-old']);
  assert.deepEqual(ages('my daughter is two and a half and has ear infections'), ['two and a half']);
  assert.deepEqual(ages('my son turned one and has RSV'), ['one']);
  assert.deepEqual(ages('I am turning forty next week.'), ['forty']);
  assert.deepEqual(ages('Our 6 week old had jaundice.'), ['6 week old']);
  assert.ok(ages('My mom is in her eighties.').length === 1);
});

test('numbers and number words that are not ages', () => {
  for (const t of ['I waited 45 minutes for a 10 minute visit.', 'Room 34 was filthy.', 'I am one of many patients here.',
    'my dad is one tough guy', 'The wait is thirty minutes.', 'We have 3 kids under 5.', 'Two stars because of the wait.',
    'She is twenty minutes late every time.', 'Took 2 tablets of 500mg at 8 pm.', 'The copay is forty dollars.']) {
    assert.deepEqual(ages(t), [], t);
  }
});
