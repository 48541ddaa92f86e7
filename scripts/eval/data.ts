// Data loading and baseline systems shared by the evaluation modules. Shared public data lives beside the
// project (../shared/data, read-only, never copied in); fixtures are our own invented texts.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = process.env.PRACTICEWATCH_SHARED_DATA ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const FIXTURES = `${ROOT}tests/fixtures/detectors/`;

/** Path of a shared data file, or null (with a message on stderr) when shared data is absent. */
export function sharedFile(rel: string): string | null {
  const p = `${SHARED}${rel}`;
  if (existsSync(p)) return p;
  process.stderr.write(`eval: skipping ${rel}: shared data not found at ${SHARED}\n`);
  return null;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export function fixture<T>(name: string): T[] {
  return readJsonl<T>(`${FIXTURES}${name}`);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** VADER ground truth: `id \t mean \t text` (CRLF). */
export function vaderGroundTruth(name: string): { mean: number; text: string }[] | null {
  const p = sharedFile(`vader_groundtruth/${name}_GroundTruth.txt`);
  if (!p) return null;
  const out: { mean: number; text: string }[] = [];
  for (const line of readFileSync(p, 'utf8').split(/\r?\n/)) {
    const parts = line.split('\t');
    if (parts.length < 3) continue;
    const mean = Number.parseFloat(parts[1]!);
    if (Number.isFinite(mean)) out.push({ mean, text: parts.slice(2).join('\t') });
  }
  return out;
}

// ---- baselines ----
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
/** Plain VADER, its documented threshold: compound <= -0.05 is negative. */
export function vaderNegative(text: string): boolean {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound <= -0.05;
}
export function vaderCompound(text: string): number {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

const SentimentCtor = require('sentiment') as new () => { analyze(t: string): { score: number } };
const afinn = new SentimentCtor();
/** AFINN-165 via `sentiment`: a negative total score is negative. */
export function afinnNegative(text: string): boolean {
  return afinn.analyze(text).score < 0;
}

const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
/** `obscenity` with its English preset, as shipped. */
export function obscenityFlags(text: string): boolean {
  return obscenity.hasMatch(text);
}
