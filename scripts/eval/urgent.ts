// Evaluation of the `urgent` detector: crisis posts vs idioms / past / negated mentions, and its false-positive
// rate on ordinary reviews and general text.
import { detectUrgent } from '../../src/detectors/urgent.ts';
import { fixture, vaderGroundTruth } from './data.ts';
import { sectionOf, type EvalSection } from './types.ts';

const pw = (text: string) => detectUrgent({ text }).length > 0;
/** Naive keyword baseline. */
const KEYWORDS = /\b(?:suicid\w*|kill|die|overdos\w*|chest pain|can't breathe|stroke|bleeding|gun|shoot)\b/i;
const naive = (text: string) => KEYWORDS.test(text);

function section(dataset: string, items: { text: string; gold: boolean }[], note?: string): EvalSection {
  return sectionOf('urgent', dataset, items, (i) => i.gold, [['PracticeWatch', (i) => pw(i.text)], ['baseline: crisis keywords', (i) => naive(i.text)]], note);
}

export async function evaluate(): Promise<EvalSection[]> {
  const out = [
    section('fixtures/urgent.jsonl (crises vs idioms, past and negated mentions)', fixture<{ text: string; urgent: boolean }>('urgent.jsonl').map((r) => ({ text: r.text, gold: r.urgent }))),
    section('fixtures/reviews.jsonl (ordinary reviews: FP rate only)', fixture<{ text: string }>('reviews.jsonl').map((r) => ({ text: r.text, gold: false }))),
  ];
  for (const name of ['tweets', 'amazonReviewSnippets']) {
    const rows = vaderGroundTruth(name);
    if (rows) out.push(section(`vader_groundtruth/${name} (general text: FP rate only)`, rows.map((r) => ({ text: r.text, gold: false }))));
  }
  return out;
}
