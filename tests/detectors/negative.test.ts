import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectNegative } from '../../src/detectors/negative.ts';
import { score } from '../../scripts/eval/types.ts';

const codes = (text: string, rating?: number) => detectNegative({ text, rating: rating ?? null }).map((f) => f.code);
const sev = (text: string, rating?: number) => detectNegative({ text, rating: rating ?? null }).map((f) => f.severity);

test('complaint aspects get their own stable codes', () => {
  assert.ok(codes('Waited over two hours past my appointment time.').includes('negative.wait_time'));
  assert.ok(codes('I called four times and nobody ever called back.').includes('negative.no_callback'));
  assert.ok(codes('The receptionist was condescending and rude.').includes('negative.rudeness'));
  assert.ok(codes('They double billed my insurance and sent me to collections.').includes('negative.billing'));
  assert.ok(codes('He misdiagnosed my broken wrist as a sprain.').includes('negative.misdiagnosis'));
  assert.ok(codes('Would not recommend. Stay away.').includes('negative.not_recommended'));
});

test('accusations of harm or malpractice are high severity', () => {
  const flags = detectNegative({ text: 'This is malpractice. She nearly killed my father by ignoring his symptoms.' });
  assert.ok(flags.length > 0 && flags.every((f) => f.severity === 'high'));
  assert.ok(flags.some((f) => f.code === 'negative.malpractice'));
});

test('negation: "not helpful at all" is negative, "not rude at all" is not', () => {
  assert.ok(codes('Not helpful at all.').length > 0);
  assert.deepEqual(codes('The staff were not rude at all, very kind and quick.'), []);
  assert.deepEqual(codes('I never had to wait more than ten minutes.'), []);
  assert.deepEqual(codes("Can't say enough good things about the nurses."), []);
});

test('mixed review (praise for the doctor, complaint about the front desk) is flagged at low severity', () => {
  const flags = detectNegative({ text: 'Dr. Okafor is wonderful and caring, but the front desk is rude and I waited an hour.' });
  assert.ok(flags.length > 0);
  assert.ok(flags.every((f) => f.severity === 'low'));
});

test('the star rating: 1–2 always negative, 3 when the text leans to a complaint, 4–5 only on an explicit complaint', () => {
  assert.ok(codes('Fine.', 1).length > 0);
  // A low rating drags the public average down even when the text is happy: flagged, at low severity.
  const misclick = detectNegative({ text: 'Meant to give 5 stars! Dr. Hollis is wonderful, would recommend.', rating: 1 });
  assert.deepEqual(misclick.map((f) => [f.code, f.severity]), [['negative.low_rating', 'low']]);
  assert.ok(codes('Wonderful, caring, thorough. Highly recommend!', 2).length > 0);
  assert.deepEqual(codes('It was fine, no complaints.', 3), []);
  assert.deepEqual(codes('Great doctor, very thorough and kind.', 3), []);
  assert.ok(codes('Doctor was fine I guess, but I waited an hour and nobody told me why.', 3).length > 0);
  assert.ok(sev('It was okay, but the front desk was rude.', 3).every((s) => s === 'low') && codes('It was okay, but the front desk was rude.', 3).length > 0);
  assert.deepEqual(codes('Good doctor, a bit of a wait sometimes but worth it.', 4), []);
  assert.deepEqual(codes('Meh.', 4), []);
  assert.ok(codes('Dr. Emery is good. But my referral was never sent and nobody ever called me back.', 4).length > 0);
  assert.ok(codes('Worst doctor ever. Rude, dismissive, never call back. Avoid.', 5).length > 0);
  assert.deepEqual(codes('Wonderful, caring, thorough. Highly recommend!', 5), []);
});

test('positive reviews, incl. medical words, are not flagged', () => {
  assert.deepEqual(codes('I came in with terrible back pain and left with a plan that worked.'), []);
  assert.deepEqual(codes('They helped me through my depression and cancer treatment. So grateful.'), []);
});

test('posts by the practice itself are never flagged negative', () => {
  assert.deepEqual(detectNegative({ text: 'We are sorry about the long wait and rude reply.', byPractice: true }), []);
});

test('reasons never quote the text', () => {
  const text = 'Dr. Zebulon Quartermaine was rude, waited 3 hours, misdiagnosed my hernia, billed twice.';
  for (const f of detectNegative({ text })) {
    assert.equal(f.category, 'negative');
    for (const w of ['zebulon', 'quartermaine', 'hernia']) assert.ok(!f.reason.toLowerCase().includes(w));
  }
});

/** Text-only F1 of the detector on a labelled review fixture. */
function fixtureF1(name: string): number {
  const rows = readFileSync(new URL(`../fixtures/detectors/${name}`, import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; negative: boolean });
  return score('PracticeWatch', rows.map((r) => r.negative), rows.map((r) => detectNegative({ text: r.text }).length > 0)).f1;
}

test('fixture reviews: F1 >= 0.9 text-only', () => {
  const f1 = fixtureF1('reviews.jsonl');
  assert.ok(f1 >= 0.9, `F1 ${f1.toFixed(3)}`);
});

test('polite, hedged and indirect complaints are negative; praise that mentions illness or other doctors is not', () => {
  for (const t of [
    'I would have appreciated a phone call before I drove forty minutes.',
    'I wish someone had told me the lab work would not be covered.',
    'Will be taking my business elsewhere.',
    'The surgeon never came to talk to us after the operation.',
    'Apparently nobody reads the chart.',
    'Fantastic, third time this year my prescription was not called in.',
    'I left feeling unheard.',
    'We were promised a callback within 24 hours. That was 2 weeks ago.',
  ]) assert.ok(codes(t).length > 0, t);
  for (const t of [
    'The cancer diagnosis was hard but Dr. Ferreira was wonderful.',
    'My chronic pain was dismissed by three other doctors before Dr. Amara. She finally listened.',
    'They never rush you and nobody makes you feel bad for asking questions.',
    'Dr. Bright never once made me feel hopeless. I am in remission now.',
    'The surgery was complicated and there were scary moments but the team was incredible.',
  ]) assert.deepEqual(codes(t), [], t);
});

test('fresh review sets (written before tuning): F1 >= 0.9 text-only', () => {
  for (const f of ['reviews-extra.jsonl', 'reviews-check.jsonl']) {
    const f1 = fixtureF1(f);
    assert.ok(f1 >= 0.9, `${f}: F1 ${f1.toFixed(3)}`);
  }
});
