// `npm run train [task…]`: learns the text classifiers in src/detectors/models/<task>.json (see
// src/detectors/text/linear-model.ts and scripts/train/tasks.ts) from the invented, labelled corpora in
// training/<task>/, by L2-regularised logistic regression over unigram/bigram features and the rules' dense features.
// The regularisation strength and one decision threshold per rules verdict are chosen by 5-fold cross-validation on
// the corpus. The blind set's development half (even lines) is printed for information only; its test half and
// tests/fixtures/blind-v2/ are never read. Deterministic: same data → same weights.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { readJsonl } from './eval/data.ts';
import { score } from './eval/types.ts';
import { trainingDigest } from './train/digest.ts';
import { logit, sigmoid, textFeatures, type LinearModelFile, type Weights } from '../src/detectors/text/linear-model.ts';
import { TASKS, type Task } from './train/tasks.ts';

const ROOT = new URL('../', import.meta.url).pathname;

interface Example { sparse: string[]; dense: Record<string, number>; y: number; verdict: string; wordingOnly: boolean; rating?: number }
interface Mutable { bias: number; dense: Record<string, number>; weights: Map<string, number> }

/** The .jsonl files of training/<folder>, as repository paths, sorted. */
function corpusJsonl(folder: string): string[] {
  return readdirSync(`${ROOT}training/${folder}`).filter((f) => f.endsWith('.jsonl')).map((f) => `training/${folder}/${f}`).sort();
}

/** The lines of a JSONL file that carry a boolean `label` (and their star rating, when there is one). */
function labelled(file: string, label: string): { text: string; y: boolean; rating?: number }[] {
  return readJsonl<Record<string, unknown>>(file)
    .filter((r) => typeof r.text === 'string' && typeof r[label] === 'boolean')
    .map((r) => ({ text: r.text as string, y: r[label] as boolean, ...(typeof r.rating === 'number' ? { rating: r.rating } : {}) }));
}

function example(task: Task, text: string, y: boolean, wordingOnly = false, rating?: number): Example {
  const p = task.prepare(text);
  const dense = wordingOnly ? Object.fromEntries(Object.keys(p.dense).map((k) => [k, 0])) : p.dense;
  return { sparse: textFeatures(p.norm), dense, y: y ? 1 : 0, verdict: p.verdict, wordingOnly, ...(rating !== undefined ? { rating } : {}) };
}

function fit(data: Example[], l2: number, minCount = 2, epochs = 60): Mutable {
  const count = new Map<string, number>();
  for (const e of data) for (const f of e.sparse) count.set(f, (count.get(f) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [f, c] of count) if (c >= minCount) weights.set(f, 0);
  const denseKeys = Object.keys(data[0]!.dense);
  const dense: Record<string, number> = Object.fromEntries(denseKeys.map((k) => [k, 0]));
  let bias = 0;
  // AdaGrad on the full batch: stable, deterministic and fast enough for a few thousand lines.
  const gs = new Map<string, number>();
  const gd: Record<string, number> = Object.fromEntries(denseKeys.map((k) => [k, 1e-8]));
  let gb = 1e-8;
  const lr = 0.3;
  const n = data.length;
  for (let ep = 0; ep < epochs; ep++) {
    const grad = new Map<string, number>();
    const gDense: Record<string, number> = Object.fromEntries(denseKeys.map((k) => [k, 0]));
    let gBias = 0;
    for (const e of data) {
      const d = sigmoid(logit({ bias, dense, weights }, e.sparse, e.dense)) - e.y;
      gBias += d;
      for (const f of e.sparse) if (weights.has(f)) grad.set(f, (grad.get(f) ?? 0) + d);
      for (const k of denseKeys) gDense[k]! += d * e.dense[k]!;
    }
    for (const [f, w] of weights) {
      const g = (grad.get(f) ?? 0) / n + l2 * w;
      const acc = (gs.get(f) ?? 1e-8) + g * g;
      gs.set(f, acc);
      weights.set(f, w - (lr * g) / Math.sqrt(acc));
    }
    for (const k of denseKeys) {
      const g = gDense[k]! / n + l2 * dense[k]!;
      gd[k]! += g * g;
      dense[k]! -= (lr * g) / Math.sqrt(gd[k]!);
    }
    gb += (gBias / n) ** 2;
    bias -= (lr * (gBias / n)) / Math.sqrt(gb);
  }
  return { bias, dense, weights };
}

const prob = (w: Weights, e: Example) => sigmoid(logit(w, e.sparse, e.dense));

function scores(data: Example[], p: number[], t: Record<string, number>): { f1: number; precision: number; recall: number } {
  return score('model', data.map((e) => e.y === 1), data.map((e, i) => p[i]! >= t[e.verdict]!));
}

/** Out-of-fold probabilities for every training line. */
function crossValidate(train: Example[], l2: number, folds = 5): number[] {
  const p: number[] = new Array(train.length);
  for (let k = 0; k < folds; k++) {
    const w = fit(train.filter((_, i) => i % folds !== k), l2);
    train.forEach((e, i) => { if (i % folds === k) p[i] = prob(w, e); });
  }
  return p;
}

/** One threshold per verdict, each on a 0.05 grid, with the best F1 on the out-of-fold probabilities (corpus lines only). */
function bestThresholds(task: Task, train: Example[], p: number[]): { t: Record<string, number>; f1: number } {
  const idx = train.map((_, i) => i).filter((i) => !train[i]!.wordingOnly);
  const data = idx.map((i) => train[i]!);
  const probs = idx.map((i) => p[i]!);
  const grid = Array.from({ length: 19 }, (_, k) => Number((0.05 + k * 0.05).toFixed(2)));
  let best = { t: Object.fromEntries(task.verdicts.map((v) => [v, 0.5])), f1: -1 };
  // Verdicts are ordered from "the rules say yes" to "the rules say no": thresholds may only rise along them.
  const search = (k: number, from: number, t: Record<string, number>): void => {
    if (k === task.verdicts.length) {
      const r = scores(data, probs, t).f1;
      if (r > best.f1 + 1e-9) best = { t: { ...t }, f1: r };
      return;
    }
    const v = task.verdicts[k]!;
    const fixed = task.fixedThresholds?.[v] ?? (k === 0 && task.keepRuleHits ? 0 : undefined);
    const choices = fixed !== undefined ? [fixed] : grid.filter((x) => x >= (task.minThresholds?.[v] ?? 0) && x >= from);
    for (const x of choices) search(k + 1, Math.max(from, x), { ...t, [v]: x });
  };
  search(0, 0, {});
  return best;
}

const pct = (x: number) => (100 * x).toFixed(1);

function train(task: Task): void {
  const dir = `${ROOT}training/${task.corpus}`;
  if (!existsSync(dir)) throw new Error(`no corpus for ${task.name}: ${dir} does not exist`);
  const corpusFiles = corpusJsonl(task.corpus);
  // A folder name takes every file in it; a path ending in .jsonl takes that file.
  const ordinaryFiles = (task.ordinaryFrom ?? []).flatMap((c) => (c.endsWith('.jsonl') ? [`training/${c}`] : corpusJsonl(c)));
  const ordinary = ordinaryFiles
    .flatMap((f) => readJsonl<{ text: string }>(`${ROOT}${f}`))
    .map((r) => example(task, r.text, false))
    .filter((e) => e.verdict === task.verdicts[task.verdicts.length - 1]);
  const data = [
    ...corpusFiles.flatMap((f) => labelled(`${ROOT}${f}`, task.label)).map((r) => example(task, r.text, r.y, false, r.rating)),
    ...ordinary,
    ...task.wordingOnly.flatMap((f) => labelled(`${ROOT}${f}`, task.label)).map((r) => example(task, r.text, r.y, true)),
  ];
  const dev = task.dev.flatMap((d) => labelled(`${ROOT}${d.file}`, d.label).filter((_, i) => i % 2 === 0).map((r) => ({ ...example(task, r.text, r.y), file: d.file })));
  console.log(`# ${task.name}: ${data.length} training lines (${data.filter((e) => e.y).length} positive; ${ordinary.length} ordinary lines from ${ordinaryFiles.length} other files) from ${corpusFiles.length + task.wordingOnly.length} files`);
  let best: { l2: number; t: Record<string, number>; cv: number; oof: number[] } | null = null;
  for (const l2 of [3e-4, 1e-3, 3e-3, 1e-2]) {
    const oof = crossValidate(data, l2);
    const cv = bestThresholds(task, data, oof);
    console.log(`  l2=${l2}: 5-fold CV F1 ${pct(cv.f1)} at thresholds ${JSON.stringify(cv.t)}`);
    if (!best || cv.f1 > best.cv) best = { l2, t: cv.t, cv: cv.f1, oof };
  }
  const { l2, t: thresholds, cv } = best!;
  if (task.starThresholds) {
    // Per star rating (lukewarm 3-star and happy 4–5-star reviews mean different priors): the threshold with the
    // best out-of-fold accuracy on the corpus lines with that rating.
    for (const [key, stars] of Object.entries(task.starThresholds)) {
      const idx = data.map((_, i) => i).filter((i) => stars.includes(data[i]!.rating ?? -1));
      let bt = 0.5, bestAcc = -1;
      for (let x = 0.05; x <= 0.951; x += 0.05) {
        const acc = idx.filter((i) => (best!.oof[i]! >= x) === (data[i]!.y === 1)).length;
        if (acc > bestAcc) { bestAcc = acc; bt = Number(x.toFixed(2)); }
      }
      thresholds[key] = bt;
      console.log(`  ${key} (stars ${stars.join(',')}, ${idx.length} lines): threshold ${bt}, out-of-fold accuracy ${pct(bestAcc / Math.max(1, idx.length))}`);
    }
  }
  const w = fit(data, l2);
  for (const file of [...new Set(dev.map((d) => d.file))]) {
    const rows = dev.filter((d) => d.file === file);
    const r = scores(rows, rows.map((e) => prob(w, e)), thresholds);
    console.log(`  blind dev ${file.replace(/^.*\//, '')} (information only): P ${pct(r.precision)} R ${pct(r.recall)} F1 ${pct(r.f1)}`);
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) >= 0.02) weights[f] = Number(v.toFixed(3));
  const out: LinearModelFile = {
    task: task.name,
    version: Number(process.env.MODEL_VERSION ?? 1),
    thresholds,
    bias: Number(w.bias.toFixed(4)),
    dense: Object.fromEntries(Object.entries(w.dense).map(([k, v]) => [k, Number(v.toFixed(4))])),
    weights,
    trainedOn: { lines: data.length, files: [...corpusFiles, ...task.wordingOnly, ...ordinaryFiles], sha256: trainingDigest(ROOT, [...corpusFiles, ...task.wordingOnly, ...ordinaryFiles]) },
  };
  const path = `src/detectors/models/${task.name}.json`;
  writeFileSync(`${ROOT}${path}`, `${JSON.stringify(out)}\n`);
  console.log(`  → ${path}: l2=${l2}, CV F1 ${pct(cv)}, thresholds ${JSON.stringify(thresholds)}, ${Object.keys(weights).length} features`);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !TASKS.some((t) => t.name === n));
if (unknown.length) {
  console.error(`train: unknown task ${unknown.join(', ')} (known: ${TASKS.map((t) => t.name).join(', ')})`);
  process.exit(2);
}
for (const task of TASKS) if (wanted.length === 0 || wanted.includes(task.name)) train(task);
