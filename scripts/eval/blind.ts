// Evaluation on tests/fixtures/blind/: a labelled set written by someone who never saw the detectors or their
// tuning fixtures (see its README for the label rules). The closest thing we have to the team's held-out data.
import { analyze } from '../../src/detectors/index.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';
import type { Category, EntityType } from '../../src/core/types.ts';
import { existsSync } from 'node:fs';
import { afinnNegative, obscenityFlags, readJsonl, vaderNegative } from './data.ts';
import { sectionOf, type EvalRow, type EvalSection } from './types.ts';

const DIR = new URL('../../tests/fixtures/blind/', import.meta.url).pathname;

/**
 * BLIND_SPLIT=dev|test|all (default all): dev = even-indexed lines (0, 2, 4…), the only half to tune on;
 * test = odd-indexed lines, held out for reporting.
 */
const SPLIT = (process.env.BLIND_SPLIT ?? 'all').toLowerCase();
if (!['dev', 'test', 'all'].includes(SPLIT)) throw new Error(`BLIND_SPLIT must be dev, test or all (got ${SPLIT})`);

/** One blind set: its folder, the name shown in the tables, and whether it has a dev half (v2 is all held out). */
export interface BlindSet { dir: string; name: string; split: 'dev' | 'test' | 'all' }

function reader(set: BlindSet) {
  return <T>(file: string): T[] => {
    const path = `${set.dir}${file}.jsonl`;
    if (!existsSync(path)) return [];
    const rows = readJsonl<T>(path);
    return set.split === 'all' ? rows : rows.filter((_, i) => (i % 2 === 0) === (set.split === 'dev'));
  };
}

interface Row {
  text: string;
  rating?: number;
  negative?: boolean;
  advice?: boolean;
  urgent?: boolean;
  offensive?: boolean;
  phi?: boolean;
  author_is_practice?: boolean;
  severity?: string;
  entities?: { type: EntityType; text: string }[];
}

function flagged(r: Row, category: Category, withRating = false): boolean {
  const a = analyze(
    { text: r.text, rating: withRating ? (r.rating ?? null) : null, byPractice: r.author_is_practice ?? false, owned: r.author_is_practice ?? false },
    DEMO_PRACTICE,
  );
  return a.flags.some((f) => f.category === category);
}

export async function evaluate(): Promise<EvalSection[]> {
  return evaluateSet({ dir: DIR, name: 'blind', split: SPLIT as BlindSet['split'] });
}

/** Every section for one blind set; files the set does not have are skipped. */
export function evaluateSet(set: BlindSet): EvalSection[] {
  const readBlind = reader(set);
  const label = set.split === 'all' ? '' : ` [${set.split} half]`;
  const section = (category: string, dataset: string, rows: Row[], gold: (r: Row) => boolean, systems: [string, (r: Row) => boolean][]): EvalSection =>
    sectionOf(category, `${set.name}/${dataset}${label}`, rows, gold, systems);
  const out: EvalSection[] = [];
  for (const f of ['physician-reviews', 'hospital-reviews', 'drug-reviews']) {
    const rows = readBlind<Row>(f);
    if (rows.length === 0) continue;
    out.push(
      section('negative', `${f} (text only)`, rows, (r) => r.negative === true, [
        ['PracticeWatch', (r) => flagged(r, 'negative')],
        ['VADER (compound <= -0.05)', (r) => vaderNegative(r.text)],
        ['AFINN (score < 0)', (r) => afinnNegative(r.text)],
      ]),
      section('negative', `${f} (with stars)`, rows, (r) => r.negative === true, [['PracticeWatch (text + stars)', (r) => flagged(r, 'negative', true)]]),
    );
  }
  const forum = readBlind<Row>('forum-questions');
  if (forum.length) out.push(section('advice', 'forum-questions', forum, (r) => r.advice === true, [['PracticeWatch', (r) => flagged(r, 'advice')]]));
  const advice = readBlind<Row>('advice');
  if (advice.length) out.push(section('advice', 'advice', advice, (r) => r.advice === true, [['PracticeWatch', (r) => flagged(r, 'advice')]]));
  const ordinary = readBlind<Row>('ordinary-reviews-advice-negatives');
  if (ordinary.length) out.push(section('advice', 'ordinary-reviews (all non-advice: FP rate is what counts)', ordinary, () => false, [['PracticeWatch', (r) => flagged(r, 'advice')]]));
  const urgent = readBlind<Row>('urgent');
  if (urgent.length) out.push(section('urgent', 'urgent', urgent, (r) => r.urgent === true, [['PracticeWatch', (r) => flagged(r, 'urgent')]]));
  const offensive = readBlind<Row>('offensive');
  if (offensive.length) {
    out.push(
      section('offensive', 'offensive', offensive, (r) => r.offensive === true, [
        ['PracticeWatch', (r) => flagged(r, 'offensive')],
        ['obscenity', (r) => obscenityFlags(r.text)],
      ]),
    );
  }
  const phi = readBlind<Row>('phi');
  if (phi.length) {
    out.push(section('phi', 'phi (any PHI flag)', phi, (r) => r.phi === true, [['PracticeWatch', (r) => flagged(r, 'phi')]]));
    out.push(section('phi', 'phi: health talk that identifies no one (FP rate is what counts)', phi.filter((r) => !r.phi && !r.author_is_practice), (r) => r.phi === true, [['PracticeWatch', (r) => flagged(r, 'phi')]]));
    out.push(entityRecall(phi, `${set.name}/phi (recall per identifier type; overlap with a same-type span)${label}`));
  }
  return out;
}

/** Identifier recall per type: a gold span counts as found when a predicted entity of the same type covers it. */
function entityRecall(rows: Row[], dataset: string): EvalSection {
  const found = new Map<string, { hit: number; all: number }>();
  for (const r of rows) {
    if (!r.entities?.length) continue;
    const pred = analyze({ text: r.text, byPractice: r.author_is_practice ?? false }, DEMO_PRACTICE).entities;
    for (const e of r.entities) {
      const start = r.text.indexOf(e.text);
      if (start < 0) continue;
      const end = start + e.text.length;
      const c = found.get(e.type) ?? { hit: 0, all: 0 };
      c.all++;
      if (pred.some((p) => p.type === e.type && p.start < end && p.end > start)) c.hit++;
      found.set(e.type, c);
    }
  }
  const rowsOut: EvalRow[] = [...found.entries()]
    .sort()
    .map(([type, c]) => ({ system: `PracticeWatch: ${type} (n=${c.all})`, precision: NaN, recall: c.hit / c.all, f1: NaN, fpr: NaN }));
  return { category: 'phi-entities', dataset, n: rows.length, rows: rowsOut };
}
