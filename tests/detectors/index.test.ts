import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, ANALYSIS_VERSION, DETECTORS, normalizeEntities } from '../../src/detectors/index.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';
import { CATEGORIES, SEVERITIES } from '../../src/core/types.ts';

test('registry: unique ids, versions, categories; ANALYSIS_VERSION derived from them', () => {
  const ids = DETECTORS.map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['negative', 'offensive', 'advice', 'urgent']) assert.ok(ids.includes(id));
  for (const d of DETECTORS) {
    assert.ok(CATEGORIES.includes(d.category));
    assert.ok(ANALYSIS_VERSION.includes(`${d.id}@${d.version}`));
  }
});

test('analyze runs every detector once and is deterministic', () => {
  const input = { text: "The receptionist is a stupid cow and I waited 3 hours. I'm going to come back there today and hurt her." };
  const a = analyze(input, DEMO_PRACTICE);
  const cats = new Set(a.flags.map((f) => f.category));
  for (const c of ['negative', 'offensive', 'urgent']) assert.ok(cats.has(c as never), c);
  for (const f of a.flags) {
    assert.ok(SEVERITIES.includes(f.severity));
    assert.match(f.code, /^[a-z]+\.[a-z_]+$/);
    assert.ok(f.code.startsWith(`${f.category}.`));
  }
  assert.deepEqual(analyze(input, DEMO_PRACTICE), a);
  assert.deepEqual(analyze({ text: '' }, DEMO_PRACTICE).flags, []);
});

test('normalizeEntities sorts and merges overlaps', () => {
  assert.deepEqual(
    normalizeEntities([
      { type: 'phone', start: 20, end: 30 },
      { type: 'person', start: 0, end: 5 },
      { type: 'health', start: 3, end: 12 },
      { type: 'date', start: 25, end: 28 },
      { type: 'url', start: 40, end: 40 },
    ]),
    [
      { type: 'health', start: 0, end: 12 },
      { type: 'phone', start: 20, end: 30 },
    ],
  );
});
