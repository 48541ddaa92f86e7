// `npm run eval`: runs every scripts/eval/*.ts module (each exports `evaluate(): Promise<EvalSection[]>`) and
// prints one Markdown table per section. Shared public data is optional: absent sets are skipped with a message.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvalSection, Evaluate } from './eval/types.ts';

const dir = fileURLToPath(new URL('./eval/', import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['types.ts', 'data.ts'].includes(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const pct = (x: number) => (Number.isNaN(x) ? '—' : (x * 100).toFixed(1));

function table(s: EvalSection): string {
  const lines = [`### ${s.category} — ${s.dataset} (n = ${s.n})`, '', '| system | precision | recall | F1 | FP rate |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const r of s.rows) lines.push(`| ${r.system} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${pct(r.fpr)} |`);
  if (s.note) lines.push('', `_${s.note}_`);
  return lines.join('\n');
}

let failed = false;
process.stdout.write('# PracticeWatch detector evaluation\n\n(percentages; FP rate = false positives / all negatives)\n\n');
for (const f of modules) {
  try {
    const mod = (await import(pathToFileURL(`${dir}${f}`).href)) as { evaluate?: Evaluate };
    if (typeof mod.evaluate !== 'function') continue;
    for (const s of await mod.evaluate()) process.stdout.write(table(s) + '\n\n');
  } catch (err) {
    failed = true;
    process.stderr.write(`eval: ${f} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
