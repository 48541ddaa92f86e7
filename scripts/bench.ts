// `npm run bench`: throughput of the full `analyze` stack (every registered detector + entities) beside plain
// VADER, in the same run on the same texts, plus memory. Texts: our fixtures, and VADER's ground-truth snippets
// when ../shared/data is present.
//
// Fairness: both systems get the same item list and the same warm-up (excluded from timing); then they run in
// alternating rounds (VADER, stack, stack, VADER, …) so neither benefits from going last on a busy machine, and
// each reports its median round. Per-detector rows get the entity context analyze would give them, computed
// beforehand (the finder has its own row), so each row times that detector's own work only.
// BENCH_ITEMS (default 20000) and BENCH_ROUNDS (default 5: this machine is shared, and a median of more rounds
// moves less from run to run) tune it.
import { performance } from 'node:perf_hooks';
import type { DetectorContext } from '../src/core/detector.ts';
import { DEMO_PRACTICE } from '../src/demo/practice.ts';
import { findEntitiesDetailed } from '../src/detectors/entities.ts';
import { analyze, ANALYSIS_VERSION, DETECTORS, normalizeEntities } from '../src/detectors/index.ts';
import { fixture, vaderCompound, vaderGroundTruth } from './eval/data.ts';

const texts: string[] = [];
for (const f of ['reviews.jsonl', 'advice.jsonl', 'urgent.jsonl', 'offensive.jsonl']) texts.push(...fixture<{ text: string }>(f).map((r) => r.text));
for (const name of ['tweets', 'amazonReviewSnippets']) texts.push(...(vaderGroundTruth(name) ?? []).map((r) => r.text));
const TARGET = Number(process.env.BENCH_ITEMS ?? 20000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const items: string[] = [];
while (items.length < TARGET) items.push(...texts);
items.length = TARGET;
const chars = items.reduce((n, t) => n + t.length, 0);
const WARMUP = Math.min(2000, items.length);

/** One timed pass over every item (seconds). */
function pass(fn: (t: string, i: number) => unknown): number {
  const t0 = performance.now();
  for (let i = 0; i < items.length; i++) fn(items[i]!, i);
  return (performance.now() - t0) / 1000;
}
function warm(fn: (t: string, i: number) => unknown): void {
  for (let i = 0; i < WARMUP; i++) fn(items[i]!, i);
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const before = process.memoryUsage();

const vader = (t: string) => vaderCompound(t);
const stack = (t: string) => analyze({ text: t }, DEMO_PRACTICE);
warm(vader);
warm(stack);
const vaderRounds: number[] = [];
const stackRounds: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    vaderRounds.push(pass(vader));
    stackRounds.push(pass(stack));
  } else {
    stackRounds.push(pass(stack));
    vaderRounds.push(pass(vader));
  }
}
const sVader = median(vaderRounds);
const sFull = median(stackRounds);

const rows: [string, number][] = [
  ['VADER alone (vader-sentiment)', sVader],
  [`PracticeWatch analyze (${DETECTORS.map((d) => d.id).join(', ')} + entities)`, sFull],
];
// Per-part rows: one warm-up + one pass each (indicative; the two rows above are the comparison that counts).
const finder = (t: string) => findEntitiesDetailed(t, DEMO_PRACTICE);
warm(finder);
rows.push(['  entity finder only (findEntitiesDetailed)', pass(finder)]);
const contexts: DetectorContext[] = items.map((t) => {
  const detailedEntities = findEntitiesDetailed(t, DEMO_PRACTICE);
  return { practice: DEMO_PRACTICE, entities: normalizeEntities(detailedEntities), detailedEntities };
});
for (const d of DETECTORS) {
  const run = (t: string, i: number) => d.detect({ text: t }, contexts[i]!);
  warm(run);
  rows.push([`  detector ${d.id} only (entities given)`, pass(run)]);
}
const after = process.memoryUsage();

const lines = [
  `# bench — ${items.length} items, ${(chars / items.length).toFixed(0)} chars on average, ${texts.length} distinct texts; ${ANALYSIS_VERSION}`,
  '',
  `VADER and the stack: same items, ${WARMUP}-item warm-up each (not timed), median of ${ROUNDS} alternating rounds ` +
    `(VADER ${vaderRounds.map((s) => s.toFixed(2)).join('/')} s, stack ${stackRounds.map((s) => s.toFixed(2)).join('/')} s).`,
  '',
  '| system | seconds | items/s | vs VADER |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(([name, s]) => `| ${name} | ${s.toFixed(3)} | ${Math.round(items.length / s)} | ${(sVader / s).toFixed(2)}× |`),
  '',
  `memory: rss ${mb(before.rss)} → ${mb(after.rss)} MB, heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB (lexicons and matchers loaded at import)`,
];
process.stdout.write(lines.join('\n') + '\n');
