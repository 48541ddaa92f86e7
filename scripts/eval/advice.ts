// Evaluation of the `advice` detector: our fixtures of public health questions vs ordinary reviews and
// rhetorical complaint questions, and its false-positive rate on ordinary reviews and general text.
import { detectAdvice } from '../../src/detectors/advice.ts';
import { fixture, vaderGroundTruth } from './data.ts';
import { sectionOf, type EvalSection } from './types.ts';

const pw = (text: string) => detectAdvice({ text }).length > 0;
/** Naive baseline: a question mark plus a first-person word. */
const naive = (text: string) => text.includes('?') && /\b(?:i|my|me)\b/i.test(text);

function section(dataset: string, items: { text: string; gold: boolean }[], note?: string): EvalSection {
  return sectionOf('advice', dataset, items, (i) => i.gold, [['PracticeWatch', (i) => pw(i.text)], ['baseline: "?" + first person', (i) => naive(i.text)]], note);
}

export async function evaluate(): Promise<EvalSection[]> {
  const adv = fixture<{ text: string; advice: boolean }>('advice.jsonl').map((r) => ({ text: r.text, gold: r.advice }));
  const reviews = fixture<{ text: string }>('reviews.jsonl').map((r) => ({ text: r.text, gold: false }));
  const out = [
    section('fixtures/advice.jsonl (questions vs complaints/reviews)', adv),
    section('fixtures/reviews.jsonl (ordinary reviews: FP rate only)', reviews, 'every item is a non-advice review; target FP rate <= 3%'),
  ];
  for (const name of ['tweets', 'amazonReviewSnippets']) {
    const rows = vaderGroundTruth(name);
    if (rows) out.push(section(`vader_groundtruth/${name} (general text: FP rate only)`, rows.map((r) => ({ text: r.text, gold: false }))));
  }
  return out;
}
