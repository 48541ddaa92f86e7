import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { complaintProbability, complaintThresholds, isComplaint, reviewModelVersion } from '../../src/detectors/text/review-model.ts';
import { textFeatures } from '../../src/detectors/text/linear-model.ts';
import { assessText, ruleVerdict } from '../../src/detectors/negative.ts';
import { normalize } from '../../src/detectors/text/tokenize.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const p = (text: string) => complaintProbability(normalize(text), assessText(text));
const complains = (text: string) => isComplaint(p(text), ruleVerdict(assessText(text)));

test('features: unigrams and bigrams, negation scope marked and ended by punctuation', () => {
  const f = textFeatures(normalize('Not helpful at all, but kind.'));
  assert.ok(f.includes('not'));
  assert.ok(f.includes('not_helpful'));
  assert.ok(f.includes('not not_helpful'));
  assert.ok(f.includes('kind'), 'the comma ends the negation scope');
  assert.ok(!f.includes('not_kind'));
  assert.ok(f.includes('<s> but'), 'punctuation starts a new bigram chain');
  assert.ok(textFeatures('waited 45 minutes').includes('<dd>'), 'numbers are folded');
});

test('the shipped model loads, names its training files, and they exist in the repository', () => {
  const model = JSON.parse(readFileSync(`${ROOT}src/detectors/models/negative.json`, 'utf8')) as { version: number; trainedOn: { lines: number; files: string[] } };
  assert.equal(reviewModelVersion(), model.version);
  const t = complaintThresholds();
  const [neg, neu, pos] = [t.negative ?? NaN, t.neutral ?? NaN, t.positive ?? NaN];
  for (const v of [neg, neu, pos]) assert.ok(v > 0 && v < 1);
  assert.ok(neg <= neu && neu <= pos, 'overruling the rules needs more confidence than agreeing with them');
  assert.ok(model.trainedOn.files.length > 0);
  for (const f of model.trainedOn.files) assert.ok(existsSync(`${ROOT}${f}`), `${f} is in the repository`);
  assert.ok(!model.trainedOn.files.some((f) => f.includes('blind')), 'never trained on the blind evaluation sets');
});

test('hedged complaints are complaints, warm reviews are not', () => {
  for (const text of [
    'I left with more questions than answers, and nobody followed up like they said they would.',
    'It would have been nice to be told the doctor was running an hour behind before I took time off work.',
    'I wanted to like this practice. The building is lovely. The care, sadly, did not match.',
  ]) assert.ok(complains(text), `complaint: ${text} (p=${p(text).toFixed(2)})`);
  for (const text of [
    'Dr. Lindqvist explained my diagnosis patiently and the nurses were lovely. Highly recommend.',
    'After two years of being dismissed by other doctors, she finally listened and found the problem.',
    'Quick visit, friendly front desk, and they got me in the same day.',
  ]) assert.ok(!complains(text), `praise: ${text} (p=${p(text).toFixed(2)})`);
});
