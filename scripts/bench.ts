// `npm run bench`: throughput of the full `analyze` stack (every registered detector + entities) beside plain
// VADER, in the same run on the same texts, plus memory. Texts: our fixtures, and VADER's ground-truth snippets
// when ../shared/data is present.
import { performance } from 'node:perf_hooks';
import { DEMO_PRACTICE } from '../src/demo/practice.ts';
import { analyze, ANALYSIS_VERSION, DETECTORS } from '../src/detectors/index.ts';
import { fixture, vaderCompound, vaderGroundTruth } from './eval/data.ts';

const texts: string[] = [];
for (const f of ['reviews.jsonl', 'advice.jsonl', 'urgent.jsonl', 'offensive.jsonl']) texts.push(...fixture<{ text: string }>(f).map((r) => r.text));
for (const name of ['tweets', 'amazonReviewSnippets']) texts.push(...(vaderGroundTruth(name) ?? []).map((r) => r.text));
const TARGET = Number(process.env.BENCH_ITEMS ?? 20000);
const items: string[] = [];
while (items.length < TARGET) items.push(...texts);
items.length = TARGET;
const chars = items.reduce((n, t) => n + t.length, 0);

function time(fn: (t: string) => unknown): number {
  for (let i = 0; i < Math.min(2000, items.length); i++) fn(items[i]!); // warm-up
  const t0 = performance.now();
  for (const t of items) fn(t);
  return (performance.now() - t0) / 1000;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const before = process.memoryUsage();
const sVader = time((t) => vaderCompound(t));
const sFull = time((t) => analyze({ text: t }, DEMO_PRACTICE));
const rows: [string, number][] = [['VADER alone (vader-sentiment)', sVader], [`PracticeWatch analyze (${DETECTORS.map((d) => d.id).join(', ')} + entities)`, sFull]];
for (const d of DETECTORS) rows.push([`  detector ${d.id} only`, time((t) => d.detect({ text: t }, { practice: DEMO_PRACTICE, entities: [] }))]);
const after = process.memoryUsage();

const lines = [
  `# bench — ${items.length} items, ${(chars / items.length).toFixed(0)} chars on average, ${texts.length} distinct texts; ${ANALYSIS_VERSION}`,
  '',
  '| system | seconds | items/s | vs VADER |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(([name, s]) => `| ${name} | ${s.toFixed(3)} | ${Math.round(items.length / s)} | ${(sVader / s).toFixed(2)}× |`),
  '',
  `memory: rss ${mb(before.rss)} → ${mb(after.rss)} MB, heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB (lexicons and matchers loaded at import)`,
];
process.stdout.write(lines.join('\n') + '\n');
