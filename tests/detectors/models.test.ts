// The learned models beside the rules (src/detectors/models/*.json, trained by `npm run train`): each loads, names
// training files that exist, never names an evaluation set, and adds what the rules miss without flagging ordinary
// text. Every example here is written for this test, not taken from a corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { TextClassifier } from '../../src/detectors/text/linear-model.ts';
import { adviceRules, detectAdvice } from '../../src/detectors/advice.ts';
import { detectOffensive, offensiveRules } from '../../src/detectors/offensive.ts';
import { detectUrgent, urgentRules } from '../../src/detectors/urgent.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

test('every shipped model loads, its training files exist, and no evaluation set was trained on', () => {
  for (const task of ['negative', 'advice', 'offensive', 'urgent']) {
    const file = JSON.parse(readFileSync(`${ROOT}src/detectors/models/${task}.json`, 'utf8')) as { task: string; thresholds: Record<string, number>; trainedOn: { files: string[] } };
    assert.equal(file.task, task);
    const model = new TextClassifier(task);
    assert.ok(model.version >= 1);
    for (const t of Object.values(model.thresholds)) assert.ok(t >= 0 && t <= 1.01);
    for (const f of file.trainedOn.files) {
      assert.ok(existsSync(`${ROOT}${f}`), `${task}: ${f} exists`);
      assert.ok(!/blind/.test(f), `${task}: never trained on ${f}`);
    }
  }
  assert.throws(() => new TextClassifier('no-such-model').version, /npm run train/);
});

test('urgent: the model adds an indirect farewell the rules miss; ordinary posts and hyperbole stay clean', () => {
  const farewell = 'I wrote letters to each of my kids tonight and put them on the counter. I just want the noise to stop for good.';
  assert.deepEqual(urgentRules(farewell), []);
  assert.deepEqual(detectUrgent({ text: farewell }).map((f) => [f.code, f.severity]), [['urgent.possible_crisis', 'critical']]);
  for (const text of ['Bought my plane tickets for Christmas, can\'t wait to see everyone!', 'Great game tonight, we absolutely killed it', 'Thanks to the whole team for a smooth visit today.']) {
    assert.deepEqual(detectUrgent({ text }), [], text);
  }
  // A rule hit always stands, whatever the model says.
  const stroke = 'My husband is slurring his words and one side of his mouth won\'t move, this started 20 min ago';
  assert.ok(detectUrgent({ text: stroke }).some((f) => f.code === 'urgent.medical_emergency'));
});

test('advice: the model adds requests phrased without the rules\' cues, but only in a text that asks something', () => {
  for (const text of [
    'idk what to do, my sons inhaler isnt helping and hes wheezing at night. thoughts',
    'been on the new blood pressure pill a week and my ankles are huge now... keep taking it or call?',
  ]) {
    assert.deepEqual(adviceRules({ text }), [], text);
    assert.deepEqual(detectAdvice({ text }).map((f) => f.code), ['advice.request'], text);
  }
  for (const text of [
    'Lisinopril brought my pressure down but gave me a dry cough for the first month. Worth it overall.',
    'Dr. Patel explained my MRI results so clearly. Thank you!',
    'What time do you open on Saturday?',
  ]) assert.deepEqual(detectAdvice({ text }), [], text);
});

test('offensive: the model adds a profanity-free insult only when very sure; civil complaints stay clean', () => {
  const insult = "you're a useless waste of a white coat and everyone in that building knows it";
  assert.deepEqual(offensiveRules({ text: insult }), []);
  assert.deepEqual(detectOffensive({ text: insult }).map((f) => f.code), ['offensive.abusive']);
  for (const text of ['this office is a joke, disorganized and slow', 'lol my dog would not sit still for the vet either 😂']) {
    assert.deepEqual(detectOffensive({ text }), [], text);
  }
});

test('the fast scoring (shared feature ids, weight arrays) gives exactly the reference log-odds', async () => {
  const { logit, sigmoid, textFeatures } = await import('../../src/detectors/text/linear-model.ts');
  const { normalize } = await import('../../src/detectors/text/tokenize.ts');
  const texts = ['Waited two hours, nobody called back.', 'not helpful at all, but kind', 'Should I stop my meds?', '', 'ok 👍', 'You people are clowns!!!'];
  for (const task of ['negative', 'advice', 'offensive', 'urgent']) {
    const f = JSON.parse(readFileSync(`${ROOT}src/detectors/models/${task}.json`, 'utf8')) as { bias: number; dense: Record<string, number>; weights: Record<string, number> };
    const reference = { bias: f.bias, dense: f.dense, weights: new Map(Object.entries(f.weights)) };
    const model = new TextClassifier(task);
    // Twice each, and interleaved with the other models, so the per-text cache is exercised too.
    for (const t of [...texts, ...texts]) {
      const n = normalize(t);
      assert.equal(model.probability(n, { rules_fired: 1 }), sigmoid(logit(reference, textFeatures(n), { rules_fired: 1 })), `${task}: ${t}`);
    }
  }
});

test('a listing\'s generated text is never judged by the models, and an advice rule hit inside a complaint stands', async () => {
  const { detectNegative } = await import('../../src/detectors/negative.ts');
  const listing = 'Name: Maple Grove Family Medicine. Phone: (555) 010-9999. Address: 12 Elm St. Hours: Mo-Fr 08:00-17:00.';
  assert.deepEqual(detectNegative({ text: listing, kind: 'listing' }), []);
  assert.deepEqual(detectUrgent({ text: listing, kind: 'listing' }), []);
  assert.deepEqual(detectOffensive({ text: listing, kind: 'listing' }), []);
  const mixed = 'Does anyone know if I should double my insulin when my readings are high? The office has not called me back.';
  assert.deepEqual(detectAdvice({ text: mixed }).map((f) => f.code), ['advice.medication']);
});

test('every model was trained on the training files as they are now (retrain with `npm run train` after editing them)', async () => {
  const { trainingDigest } = await import('../../scripts/train/digest.ts');
  const { readdirSync } = await import('node:fs');
  for (const task of ['negative', 'advice', 'offensive', 'urgent']) {
    const file = JSON.parse(readFileSync(`${ROOT}src/detectors/models/${task}.json`, 'utf8')) as { trainedOn: { files: string[]; sha256: string } };
    assert.equal(trainingDigest(ROOT, file.trainedOn.files), file.trainedOn.sha256, `${task}: a training file changed since the model was trained`);
    const corpus = readdirSync(`${ROOT}training/${task}`).filter((f) => f.endsWith('.jsonl')).map((f) => `training/${task}/${f}`);
    for (const f of corpus) assert.ok(file.trainedOn.files.includes(f), `${task}: ${f} is new since the model was trained`);
  }
});
