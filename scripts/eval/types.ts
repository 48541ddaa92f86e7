// Shared shape of one evaluation section (`npm run eval`): each scripts/eval/<name>.ts exports
// `evaluate(): Promise<EvalSection[]>`; scripts/eval.ts prints one Markdown table per section.

export interface EvalRow {
  /** "PracticeWatch", "VADER", "AFINN (sentiment)", "obscenity", "redact-pii"… */
  system: string;
  precision: number;
  recall: number;
  f1: number;
  /** False-positive rate on the negative class: FP / (FP + TN). */
  fpr: number;
}

export interface EvalSection {
  /** Detector category, e.g. "negative", "phi". */
  category: string;
  /** Data set name, e.g. "vader_groundtruth/tweets (|mean| >= 1)". */
  dataset: string;
  /** Number of labelled examples. */
  n: number;
  rows: EvalRow[];
  /** Optional one-line note printed under the table. */
  note?: string;
}

export type Evaluate = () => Promise<EvalSection[]>;

/** Precision / recall / F1 / FPR from gold labels and predictions (true = positive class). */
export function score(system: string, gold: readonly boolean[], pred: readonly boolean[]): EvalRow {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i]) gold[i] ? tp++ : fp++;
    else gold[i] ? fn++ : tn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const fpr = fp + tn === 0 ? 0 : fp / (fp + tn);
  return { system, precision, recall, f1, fpr };
}

/** One section: every system scored on the same items against `gold` (the note, if any, printed under the table). */
export function sectionOf<T>(category: string, dataset: string, items: readonly T[], gold: (item: T) => boolean, systems: readonly [string, (item: T) => boolean][], note?: string): EvalSection {
  const g = items.map(gold);
  const s: EvalSection = { category, dataset, n: items.length, rows: systems.map(([name, f]) => score(name, g, items.map(f))) };
  if (note) s.note = note;
  return s;
}
