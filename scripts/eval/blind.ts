// Evaluation on tests/fixtures/blind/: a labelled set written by someone who never saw the detectors or their
// tuning fixtures (see its README for the label rules). The closest thing we have to the team's held-out data.
import { analyze } from '../../src/detectors/index.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';
import type { Category, EntityType } from '../../src/core/types.ts';
import { afinnNegative, obscenityFlags, readJsonl, vaderNegative } from './data.ts';
import { score, type EvalRow, type EvalSection } from './types.ts';

const DIR = new URL('../../tests/fixtures/blind/', import.meta.url).pathname;

/**
 * BLIND_SPLIT=dev|test|all (default all): dev = even-indexed lines (0, 2, 4…), the only half to tune on;
 * test = odd-indexed lines, held out for reporting.
 */
const SPLIT = (process.env.BLIND_SPLIT ?? 'all').toLowerCase();
if (!['dev', 'test', 'all'].includes(SPLIT)) throw new Error(`BLIND_SPLIT must be dev, test or all (got ${SPLIT})`);
const SPLIT_LABEL = SPLIT === 'all' ? '' : ` [${SPLIT} half]`;

function readBlind<T>(file: string): T[] {
  const rows = readJsonl<T>(file);
  return SPLIT === 'all' ? rows : rows.filter((_, i) => (i % 2 === 0) === (SPLIT === 'dev'));
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

function section(category: string, dataset: string, rows: Row[], gold: (r: Row) => boolean, systems: [string, (r: Row) => boolean][]): EvalSection {
  const g = rows.map(gold);
  return { category, dataset: `blind/${dataset}${SPLIT_LABEL}`, n: rows.length, rows: systems.map(([name, f]): EvalRow => score(name, g, rows.map(f))) };
}

export async function evaluate(): Promise<EvalSection[]> {
  const out: EvalSection[] = [];
  for (const f of ['physician-reviews', 'hospital-reviews', 'drug-reviews']) {
    const rows = readBlind<Row>(`${DIR}${f}.jsonl`);
    out.push(
      section('negative', `${f} (text only)`, rows, (r) => r.negative === true, [
        ['PracticeWatch', (r) => flagged(r, 'negative')],
        ['VADER (compound <= -0.05)', (r) => vaderNegative(r.text)],
        ['AFINN (score < 0)', (r) => afinnNegative(r.text)],
      ]),
      section('negative', `${f} (with stars)`, rows, (r) => r.negative === true, [['PracticeWatch (text + stars)', (r) => flagged(r, 'negative', true)]]),
    );
  }
  const forum = readBlind<Row>(`${DIR}forum-questions.jsonl`);
  const ordinary = readBlind<Row>(`${DIR}ordinary-reviews-advice-negatives.jsonl`);
  out.push(section('advice', 'forum-questions', forum, (r) => r.advice === true, [['PracticeWatch', (r) => flagged(r, 'advice')]]));
  out.push({
    ...section('advice', 'ordinary-reviews (all non-advice: FP rate is what counts)', ordinary, () => false, [['PracticeWatch', (r) => flagged(r, 'advice')]]),
  });
  out.push(section('urgent', 'urgent', readBlind<Row>(`${DIR}urgent.jsonl`), (r) => r.urgent === true, [['PracticeWatch', (r) => flagged(r, 'urgent')]]));
  out.push(
    section('offensive', 'offensive', readBlind<Row>(`${DIR}offensive.jsonl`), (r) => r.offensive === true, [
      ['PracticeWatch', (r) => flagged(r, 'offensive')],
      ['obscenity', (r) => obscenityFlags(r.text)],
    ]),
  );
  const phi = readBlind<Row>(`${DIR}phi.jsonl`);
  out.push(section('phi', 'phi (any PHI flag)', phi, (r) => r.phi === true, [['PracticeWatch', (r) => flagged(r, 'phi')]]));
  out.push(entityRecall(phi));
  return out;
}

/** Identifier recall per type: a gold span counts as found when a predicted entity of the same type covers it. */
function entityRecall(rows: Row[]): EvalSection {
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
  return { category: 'phi-entities', dataset: `blind/phi (recall per identifier type; overlap with a same-type span)${SPLIT_LABEL}`, n: rows.length, rows: rowsOut };
}
