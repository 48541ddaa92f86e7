import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findHealth, isHealthTerm } from '../../src/detectors/pii/health.ts';
import { MisspellingIndex, isLikelyMisspelling, isMorphologicalHealthWord } from '../../src/detectors/pii/vocab.ts';
import { assessPhi } from '../../src/detectors/phi.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';

/** The health spans of a text, as substrings. */
const spans = (text: string) => findHealth(text).map((e) => text.slice(e.start, e.end));
const covers = (text: string, part: string) => {
  const s = text.indexOf(part);
  assert.ok(s >= 0, `fixture: "${part}" is in "${text}"`);
  return findHealth(text).some((e) => e.start < s + part.length && e.end > s);
};

test('informal names for conditions are health mentions', () => {
  for (const [text, part] of [
    ['my sugar was 300 this morning', 'sugar'],
    ["Grandpa's ticker isn't great", 'ticker'],
    ['the big C came back', 'big C'],
    ['my wife is going through the change', 'going through the change'],
    ['missed my period twice', 'missed my period'],
    ['brain fog since covid', 'brain fog'],
    ['she has a bum knee', 'bum knee'],
    ['on blood thinners now', 'blood thinners'],
  ] as const) {
    assert.ok(covers(text, part), `${part} in: ${text}`);
  }
});

test('everyday uses of the same words are not', () => {
  for (const text of [
    'The change in parking rules is confusing.',
    'Sugar-free lollipops at the desk.',
    'A great period of growth for the practice.',
    'Stage 2 of the renovation starts Monday.',
    'the ticker on the news channel',
  ]) {
    assert.deepEqual(spans(text), [], text);
  }
});

test('misspellings one edit from a lexicon term are found; ordinary words and names are not', () => {
  for (const [text, part] of [
    ['diabeties runs in my family', 'diabeties'],
    ['Diabeties runs in my family', 'Diabeties'],
    ['my ashma is worse in spring', 'ashma'],
    ['waiting on my perscription', 'perscription'],
    ['switched to lexipro', 'lexipro'],
    ['had a colonscopy friday', 'colonscopy'],
    ['the nemonia took weeks to clear', 'nemonia'],
  ] as const) {
    assert.ok(covers(text, part), `${part} in: ${text}`);
  }
  // "humour"/"tumour" differ in the first letter, "canner"/"cancer" by a consonant, "morphing" is a word
  for (const text of ['a good sense of humour', 'the canner at the plant', 'morphing into something else', 'Ms. Lantis called']) {
    assert.deepEqual(spans(text), [], text);
  }
  const idx = new MisspellingIndex(['diabetes', 'asthma', 'prescription']);
  assert.equal(idx.match('diabetis'), 'diabetes'); // vowel for vowel
  assert.equal(idx.match('ashma'), 'asthma'); // a dropped letter
  assert.equal(idx.match('perscription'), 'prescription'); // swapped neighbours
  assert.equal(idx.match('perscripton'), null); // two edits: such forms are listed in the vocabulary instead
  assert.equal(isLikelyMisspelling('diabetic', idx), false); // an English word is never a misspelling
});

test('drug stems and condition families, guarded against English words and names', () => {
  for (const w of ['tamsulosin', 'loratadine', 'hydrocortisone', 'candidiasis', 'neutropenia', 'albuterol', 'ondansetron', 'sildenafil']) {
    assert.ok(isMorphologicalHealthWord(w) || isHealthTerm(w), w);
  }
  for (const w of ['intention', 'hurricane', 'trophy', 'homophobia', 'attention']) {
    assert.equal(isMorphologicalHealthWord(w), false, w);
  }
  // a capitalised unknown word is more often a surname: stems apply to lower-case words only
  assert.deepEqual(spans('Mr. Nakasone called about the bill'), []);
  assert.ok(covers('started tamsulosin last week', 'tamsulosin'));
});

test('specialists count only when attached to someone\'s care', () => {
  assert.ok(covers('my cardiologist caught it early', 'cardiologist'));
  assert.ok(covers('they referred me to a fertility specialist', 'fertility specialist'));
  assert.ok(covers('saw a urologist last week', 'urologist'));
  assert.ok(covers('my ob-gyn retired', 'ob-gyn'));
  assert.deepEqual(spans('They have a great dermatologist on staff now.'), []);
});

test('phrases across hyphens, numbers and possessives', () => {
  assert.ok(spans('diagnosed with type 2 diabetes in May').includes('type 2 diabetes'));
  assert.ok(covers('she had a c-section', 'c-section'));
  assert.ok(covers("my sugar's high again", 'sugar'));
  assert.ok(covers('c. diff after the antibiotics', 'c. diff'));
  assert.ok(covers("athlete's foot that won't quit", "athlete's foot"));
});

test('pronoun-less clinical shorthand is a disclosure; a generic case is not', () => {
  const code = (text: string) => assessPhi({ text }, DEMO_PRACTICE).flag?.code ?? null;
  assert.equal(code('age 67, dx with afib last spring, the cardiology team here is great'), 'phi.self_disclosure');
  assert.equal(code('56F w/ hx of CHF, this office is the only one that listens'), 'phi.self_disclosure');
  assert.equal(code('(34m) on lexapro for two years, the NP adjusts it carefully'), 'phi.self_disclosure');
  assert.equal(code('pt is a 67 yo male w/ new afib, anyone know if they take direct referrals'), 'phi.third_party');
  assert.equal(code('What is the usual dose of losartan for a 60-year-old with hypertension?'), null);
  assert.equal(code('Flu season is here, a 65 year old should get the high-dose shot'), null);
});

test('"X staff here are great" is a patient talking, not staff; "were patient with him" is not clinical voice', () => {
  const code = (text: string) => assessPhi({ text }, DEMO_PRACTICE).flag?.code ?? null;
  assert.equal(code('The big C came back for my aunt. Oncology staff here are saints.'), 'phi.family_disclosure');
  assert.equal(code("Grandpa's ticker isn't great, the folks here were patient with him"), 'phi.family_disclosure');
  assert.equal(code('Nurse here - the lady in the waiting room had an allergic reaction'), 'phi.practice_disclosure');
});

test('informal fixture set: sensitivity >= 0.9, no false positives, listed health spans found', () => {
  type Row = { text: string; phi: boolean; health: string[] };
  const rows = readFileSync(new URL('../fixtures/detectors/phi-informal.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
  let tp = 0, pos = 0, fp = 0, neg = 0, hit = 0, all = 0;
  for (const r of rows) {
    const flagged = assessPhi({ text: r.text }, DEMO_PRACTICE).flag !== null;
    if (r.phi) { pos++; if (flagged) tp++; } else { neg++; if (flagged) fp++; }
    for (const h of r.health) { all++; if (covers(r.text, h)) hit++; }
  }
  assert.ok(pos >= 20 && neg >= 8 && all >= 25, 'fixture size');
  assert.ok(tp / pos >= 0.9, `sensitivity ${tp}/${pos}`);
  assert.equal(fp, 0, `false positives ${fp}/${neg}`);
  assert.ok(hit / all >= 0.95, `health span recall ${hit}/${all}`);
});
