// Evaluation on tests/fixtures/blind-v2/: a second held-out set, written later by other people who never saw the
// detectors, their fixtures or the training data. Nothing is ever tuned on it (it has no development half).
import { evaluateSet } from './blind.ts';
import type { EvalSection } from './types.ts';

const DIR = new URL('../../tests/fixtures/blind-v2/', import.meta.url).pathname;

export async function evaluate(): Promise<EvalSection[]> {
  return evaluateSet({ dir: DIR, name: 'blind-v2', split: 'all' });
}
