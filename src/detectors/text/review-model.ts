// The review-complaint model ("is this review a complaint about the practice?"): a TextClassifier (linear-model.ts)
// trained by `npm run train negative` on training/negative/*.jsonl, combined with the verdict of the hand-written
// complaint aspects in negative.ts.
import { TextClassifier } from './linear-model.ts';

const MODEL = new TextClassifier('negative');

/** What the model needs from negative.ts's rule assessment (a `NegativeAssessment` is one). */
export interface RuleFeatures {
  /** Lexicon + aspect score (< 0 negative). */
  score: number;
  /** The complaint aspects found. */
  codes: { readonly size: number };
  /** The text also praises something. */
  praise: boolean;
}

export function denseFeatures(r: RuleFeatures): Record<string, number> {
  const s = Math.max(-12, Math.min(12, r.score));
  return {
    rule_score: s / 4,
    rule_negative: r.score <= -0.2 ? 1 : 0,
    complaints: Math.min(3, r.codes.size),
    praise: r.praise ? 1 : 0,
  };
}

/**
 * What the hand-written rules make of a text on their own. When they already see a complaint, the model only has
 * to agree a little; when they see none, it must be surer to add a complaint on its own, and surer still against
 * rules that read the text as praise (they know idioms such as "never rushed"). One threshold per verdict.
 */
export type RuleVerdict = 'negative' | 'neutral' | 'positive';
export const RULE_VERDICTS: readonly RuleVerdict[] = ['negative', 'neutral', 'positive'];

/** The shipped model's version (part of the detector's version, so stored items are re-analysed after a retrain). */
export function reviewModelVersion(): number {
  return MODEL.version;
}

/** Probability (0..1) that the review complains about the practice, its staff or its care. */
export function complaintProbability(norm: string, rules: RuleFeatures): number {
  return MODEL.probability(norm, denseFeatures(rules));
}

/** The decision thresholds chosen at training time, per rules verdict. */
export function complaintThresholds(): Readonly<Record<string, number>> {
  return MODEL.thresholds;
}

/** Whether a rated review complains: 3 stars (lukewarm) and 4–5 stars (happy) have their own learned thresholds. */
export function isRatedComplaint(p: number, stars: 3 | 4 | 5): boolean {
  return MODEL.decide(p, stars === 3 ? 'stars3' : 'stars45');
}

/** Whether a review (text only) complains, given the model's probability and the rules' own verdict. */
export function isComplaint(p: number, verdict: RuleVerdict): boolean {
  return MODEL.decide(p, verdict);
}
