// Small learned text classifiers: L2-regularised logistic regression over unigrams and bigrams (negation marked),
// plus a few dense features from the detector's own rules. `npm run train` learns them from the invented, labelled
// corpora in training/<task>/ and writes src/detectors/models/<task>.json. They complement the hand-written rules:
// the rules explain *why* (stable reason codes) and know idioms; a model catches the long tail of wordings no list
// foresees. Pure: a model's weights are read once, on first use; scoring is a loop of Map lookups.
import { readFileSync } from 'node:fs';
import type { DetectorInput, Flag } from '../../core/types.ts';
import { NEGATORS } from './negation.ts';

/** Negation scope: words after a negator are marked negated up to the next punctuation mark (capped). */
const NEGATION_SCOPE = 20;
const TOKEN = /[a-z0-9]+(?:'[a-z]+)*|[.!?;,:]/g;

/**
 * Function words carry no verdict of their own but are more frequent in longer texts; as features they would teach a
 * model "long means complaint". They are left out as unigrams, and a bigram of two of them is left out too.
 * Negators are not in this list: they matter.
 */
const STOP: ReadonlySet<string> = new Set(
  ('a an the and or of to in on at for from by with as is are was were be been being am it its this that these those ' +
    'i me my we us our you your he him his she her they them their there here what which who whom then than so if ' +
    'do does did have has had will would can could should shall may might must just also very really about into over ' +
    'up down out off all any some each every both more most other such own same too only again once while when where ' +
    'why how because until through during before after above below between under further s t d ll m o re ve y').split(' '),
);

/**
 * Walks the features of one normalized text: `unigram(tok)` and `bigram(prev, tok)` for words, with negation scope
 * marked ("not_helpful" after a negator, until punctuation) and function words left out (see STOP); a sentence
 * end is the bigram (prev, "</s>"), a question mark the unigram "<?>". Repeats are walked again.
 */
function walkFeatures(norm: string, unigram: (tok: string) => void, bigram: (prev: string, tok: string) => void): void {
  let prev = '<s>';
  let negLeft = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(norm); m; m = TOKEN.exec(norm)) {
    let w = m[0];
    if (w.length === 1 && (w === '.' || w === '!' || w === '?' || w === ';' || w === ',' || w === ':')) {
      negLeft = 0;
      if (prev !== '<s>') bigram(prev, '</s>');
      // A question mark is itself a useful feature (advice requests).
      if (w === '?') unigram('<?>');
      prev = '<s>';
      continue;
    }
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(w)) w = w.length === 1 ? '<d>' : '<dd>';
    const isNeg = NEGATORS.has(w) || w.endsWith("n't");
    const tok = !isNeg && negLeft > 0 ? `not_${w}` : w;
    if (negLeft > 0 && !isNeg) negLeft--;
    if (isNeg) negLeft = NEGATION_SCOPE;
    const stop = STOP.has(w);
    if (!stop) unigram(tok);
    if (!(stop && (prev === '<s>' || STOP.has(prev)))) bigram(prev, tok);
    prev = tok;
  }
  if (prev !== '<s>') bigram(prev, '</s>');
}

/** Calls `emit` for every sparse feature of one normalized text, as strings ("helpful", "not not_helpful"). */
export function eachFeature(norm: string, emit: (feature: string) => void): void {
  walkFeatures(norm, emit, (prev, tok) => emit(`${prev} ${tok}`));
}

/**
 * The distinct sparse features of a normalized text as strings (presence, not counts: a long text is not more of
 * anything). Used by training and the reference `logit`; scoring goes through `featureIds` instead.
 */
export function textFeatures(norm: string): string[] {
  const seen = new Set<string>();
  eachFeature(norm, (f) => seen.add(f));
  return [...seen];
}

/**
 * Whether a detector's rules have the last word, so its model may not add a flag: the rules fired (a rule hit
 * always stands), the item is a directory listing (generated facts, not anyone's words), or the text has no words.
 */
export function rulesHaveLastWord(input: DetectorInput, text: string, rules: readonly Flag[]): boolean {
  return rules.length > 0 || input.kind === 'listing' || !/\p{L}/u.test(text);
}

/** A trained model as stored in src/detectors/models/<task>.json. */
export interface LinearModelFile {
  task: string;
  version: number;
  /** Decision thresholds on the probability, one per verdict of the rules (chosen by cross-validation). */
  thresholds: Record<string, number>;
  bias: number;
  dense: Record<string, number>;
  weights: Record<string, number>;
  trainedOn: { lines: number; files: string[]; sha256?: string };
}

export interface Weights {
  bias: number;
  dense: Record<string, number>;
  weights: ReadonlyMap<string, number>;
}

/** Log-odds for (distinct) sparse features and dense features. */
export function logit(w: Weights, sparse: readonly string[], dense: Readonly<Record<string, number>>): number {
  let z = w.bias;
  for (const f of sparse) {
    const v = w.weights.get(f);
    if (v !== undefined) z += v;
  }
  for (const k in dense) z += (w.dense[k] ?? 0) * dense[k]!;
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Scoring without string maps per model: every loaded model's features share one id space, a text's features are
 * turned into ids once (cached for the next model scoring the same text), and each model reads its weights from a
 * Float64Array. Bigrams are looked up in two steps (first word, then second) so no "a b" string is built per pair.
 * Same walk as eachFeature, same sums as `logit` (tested), a fraction of the work.
 */
const VOCAB = new Map<string, number>();
const UNI = new Map<string, number>();
const BI = new Map<string, Map<string, number>>();
let stamp = new Uint32Array(1024);
let generation = 0;
let idsNorm = '';
let idsVocabSize = -1;
let ids: number[] = [];

function addToVocab(feature: string): void {
  if (VOCAB.has(feature)) return;
  const id = VOCAB.size;
  VOCAB.set(feature, id);
  const sp = feature.indexOf(' ');
  if (sp < 0) {
    UNI.set(feature, id);
    return;
  }
  const a = feature.slice(0, sp);
  let next = BI.get(a);
  if (!next) BI.set(a, (next = new Map()));
  next.set(feature.slice(sp + 1), id);
}

function featureIds(norm: string): readonly number[] {
  if (norm === idsNorm && idsVocabSize === VOCAB.size) return ids;
  if (stamp.length < VOCAB.size) stamp = new Uint32Array(VOCAB.size * 2);
  if (++generation === 0xffffffff) {
    stamp.fill(0);
    generation = 1;
  }
  const out: number[] = [];
  const add = (id: number | undefined): void => {
    if (id !== undefined && stamp[id] !== generation) {
      stamp[id] = generation;
      out.push(id);
    }
  };
  walkFeatures(
    norm,
    (tok) => add(UNI.get(tok)),
    (prev, tok) => add(BI.get(prev)?.get(tok)),
  );
  idsNorm = norm;
  idsVocabSize = VOCAB.size;
  ids = out;
  return out;
}

interface Loaded { file: LinearModelFile; weights: Float64Array; dense: Record<string, number> }

/** One shipped model, loaded on first use (so `npm run train` can run before any model exists). */
export class TextClassifier {
  private loaded: Loaded | null = null;
  constructor(readonly task: string) {}

  private get model(): Loaded {
    if (!this.loaded) {
      const url = new URL(`../models/${this.task}.json`, import.meta.url);
      let file: LinearModelFile;
      try {
        file = JSON.parse(readFileSync(url, 'utf8')) as LinearModelFile;
      } catch (err) {
        throw new Error(`cannot load the ${this.task} model ${url.pathname} (run \`npm run train\`): ${(err as Error).message}`);
      }
      for (const f of Object.keys(file.weights)) addToVocab(f);
      const weights = new Float64Array(VOCAB.size);
      for (const [f, w] of Object.entries(file.weights)) weights[VOCAB.get(f)!] = w;
      this.loaded = { file, weights, dense: file.dense };
    }
    return this.loaded;
  }

  get version(): number {
    return this.model.file.version;
  }

  get thresholds(): Readonly<Record<string, number>> {
    return this.model.file.thresholds;
  }

  /** Probability (0..1) of the positive class for a normalized text and the rules' dense features. */
  probability(norm: string, dense: Readonly<Record<string, number>>): number {
    const m = this.model;
    let z = m.file.bias;
    const w = m.weights;
    for (const id of featureIds(norm)) if (id < w.length) z += w[id]!;
    for (const k in dense) z += (m.dense[k] ?? 0) * dense[k]!;
    return sigmoid(z);
  }

  /** The decision for a rules verdict ("fired", "negative", …): probability at or above that verdict's threshold. */
  decide(p: number, verdict: string): boolean {
    const t = this.thresholds[verdict];
    if (t === undefined) throw new Error(`the ${this.task} model has no threshold for "${verdict}" (retrain it)`);
    return p >= t;
  }
}
