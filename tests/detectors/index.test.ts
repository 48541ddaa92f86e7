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

test('analyze passes the detailed entities through the context: phi and inaccurate agree with a run of their own', async () => {
  const { findEntitiesDetailed } = await import('../../src/detectors/entities.ts');
  const texts = [
    'My neighbor Tom Becker was diagnosed with lung cancer last week.',
    'Their new number is 555-0199, call the office there. They are closed on Mondays now.',
    'I had my gallbladder out in March 2021 and the nurse was lovely.',
    'Great staff, short wait, clean rooms.',
    '',
  ];
  for (const text of texts) {
    const a = analyze({ text }, DEMO_PRACTICE);
    const detailed = findEntitiesDetailed(text, DEMO_PRACTICE);
    assert.deepEqual(a.entities, normalizeEntities(detailed));
    for (const d of DETECTORS.filter((x) => x.id === 'phi' || x.id === 'inaccurate')) {
      const alone = d.detect({ text }, { practice: DEMO_PRACTICE, entities: [] });
      assert.deepEqual(a.flags.filter((f) => f.category === d.category), alone, `${d.id}: ${text}`);
    }
  }
});
