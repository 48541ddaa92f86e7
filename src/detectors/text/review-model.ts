// A small linear model of "is this review a complaint?", learned by `npm run train` from invented, labelled reviews
// (training/negative/*.jsonl) and stored as weights in review-model.json. It complements the hand-written complaint
// aspects in negative.ts: the aspects explain *why* (stable reason codes), the model catches the long tail of
// wordings no list foresees ("I left with more questions than answers"). Pure: the weights load once, at import.
import { readFileSync } from 'node:fs';
import { NEGATORS } from './negation.ts';

/** Negation scope: words after a negator are marked negated up to the next punctuation mark (capped). */
const NEGATION_SCOPE = 20;
const TOKEN = /[a-z0-9]+(?:'[a-z]+)*|[.!?;,:]/g;

/**
 * Calls `emit` for every sparse feature of one normalized text: unigrams and bigrams, with negation scope marked
 * ("not_helpful" after a negator, until punctuation). Repeats are emitted again (counts).
 */
export function eachFeature(norm: string, emit: (feature: string) => void): void {
  let prev = '<s>';
  let negLeft = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(norm); m; m = TOKEN.exec(norm)) {
    let w = m[0];
    if (w.length === 1 && (w === '.' || w === '!' || w === '?' || w === ';' || w === ',' || w === ':')) {
      negLeft = 0;
      if (prev !== '<s>') emit(`${prev} </s>`);
      prev = '<s>';
      continue;
    }
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(w)) w = w.length === 1 ? '<d>' : '<dd>';
    const isNeg = NEGATORS.has(w) || w.endsWith("n't");
    const tok = !isNeg && negLeft > 0 ? `not_${w}` : w;
    if (negLeft > 0 && !isNeg) negLeft--;
    if (isNeg) negLeft = NEGATION_SCOPE;
    emit(tok);
    emit(`${prev} ${tok}`);
    prev = tok;
  }
  if (prev !== '<s>') emit(`${prev} </s>`);
}

/** Every sparse feature of a normalized text, as a list (training and tests). */
export function reviewFeatures(norm: string): string[] {
  const out: string[] = [];
  eachFeature(norm, (f) => out.push(f));
  return out;
}

/** Dense features computed by negative.ts from its rule-based assessment. */
export interface RuleFeatures {
  /** Lexicon + aspect score (< 0 negative). */
  score: number;
  /** Number of complaint aspects found. */
  complaints: number;
  /** The text also praises something. */
  praise: boolean;
}

export function denseFeatures(r: RuleFeatures): Record<string, number> {
  const s = Math.max(-12, Math.min(12, r.score));
  return {
    rule_score: s / 4,
    rule_negative: r.score <= -0.2 ? 1 : 0,
    complaints: Math.min(3, r.complaints),
    praise: r.praise ? 1 : 0,
  };
}

/** What the hand-written rules of negative.ts make of a text on their own. */
export type RuleVerdict = 'negative' | 'neutral' | 'positive';

/**
 * The decision: when the hand-written rules already see a complaint, the model only has to agree a little
 * (`ruleNegative`); when they see none, it must be surer (`ruleNeutral`) to add a complaint on its own, and surer
 * still (`rulePositive`) against rules that read the text as praise (they know idioms such as "never rushed").
 */
export interface Thresholds { ruleNegative: number; ruleNeutral: number; rulePositive: number }

export function decide(p: number, verdict: RuleVerdict, t: Thresholds): boolean {
  return p >= (verdict === 'negative' ? t.ruleNegative : verdict === 'neutral' ? t.ruleNeutral : t.rulePositive);
}

export interface ReviewModel {
  version: number;
  /** Decision thresholds on the probability (chosen by cross-validation at training time). */
  thresholds: Thresholds;
  bias: number;
  dense: Record<string, number>;
  weights: Record<string, number>;
  trainedOn: { lines: number; files: string[] };
}

/** Log-odds of "complaint" for a list of sparse features (repeats count again) and the dense features. */
export function logit(model: { bias: number; dense: Record<string, number>; weights: ReadonlyMap<string, number> }, sparse: readonly string[], dense: Record<string, number>): number {
  let z = model.bias;
  for (const f of sparse) {
    const w = model.weights.get(f);
    if (w !== undefined) z += w;
  }
  for (const [k, v] of Object.entries(dense)) z += (model.dense[k] ?? 0) * v;
  return z;
}

const MODEL_URL = new URL('./review-model.json', import.meta.url);

function load(): { model: ReviewModel; weights: Map<string, number> } {
  let model: ReviewModel;
  try {
    model = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as ReviewModel;
  } catch (err) {
    throw new Error(`cannot load the review model ${MODEL_URL.pathname} (run \`npm run train\`): ${(err as Error).message}`);
  }
  return { model, weights: new Map(Object.entries(model.weights)) };
}

let LOADED: { model: ReviewModel; weights: Map<string, number> } | null = null;
function model(): { model: ReviewModel; weights: Map<string, number> } {
  return (LOADED ??= load());
}

/** The shipped model's version (part of the detector's version, so stored items are re-analysed after a retrain). */
export function reviewModelVersion(): number {
  return model().model.version;
}

/** Probability (0..1) that the review complains about the practice, its staff or its care. */
export function complaintProbability(norm: string, rules: RuleFeatures): number {
  const m = model();
  const weights = m.weights;
  let z = logit({ bias: m.model.bias, dense: m.model.dense, weights }, [], denseFeatures(rules));
  eachFeature(norm, (f) => {
    const w = weights.get(f);
    if (w !== undefined) z += w;
  });
  return 1 / (1 + Math.exp(-z));
}

/** The decision thresholds chosen at training time. */
export function complaintThresholds(): Thresholds {
  return model().model.thresholds;
}

/** Whether a review (text only) complains, given the model's probability and the rules' own verdict. */
export function isComplaint(p: number, verdict: RuleVerdict): boolean {
  return decide(p, verdict, complaintThresholds());
}
