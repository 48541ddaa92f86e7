// Evaluation of the `phi` detector and the entity finder, beside redact-pii on the same data:
//  - fixtures/phi/posts.jsonl: our invented informal posts (patient's own, relative's, third party, staff, hard negatives)
//  - synthetic_clinical_queries_phi/dev.jsonl: has_phi per text (PHI vs hard negatives)
//  - presidio_synth_pii: per-type identifier recall (a gold span counts when ≥ half of it is covered by a span of
//    the mapped type; for redact-pii, when the gold value no longer appears verbatim in its output).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EntityType, PracticeFacts } from '../../src/core/types.ts';
import { findEntities } from '../../src/detectors/entities.ts';
import { assessPhi } from '../../src/detectors/phi.ts';
import { fixture, readJsonl, sharedFile } from './data.ts';
import { score, type EvalRow, type EvalSection } from './types.ts';

const require = createRequire(import.meta.url);
const { SyncRedactor } = require('redact-pii') as { SyncRedactor: new () => { redact(t: string): string } };
const redactor = new SyncRedactor();
const redactPiiFlags = (text: string) => redactor.redact(text) !== text;

export const EVAL_PRACTICE: PracticeFacts = {
  name: 'Lakeside Family Medicine',
  phones: ['(555) 201-3344'],
  addresses: ['12 Harbor Rd, Springfield, IL 62704'],
  website: 'https://lakeside.example',
  hours: { mon: '08:00-17:00' },
  timezone: 'America/Chicago',
  providers: [{ name: 'Dr. Anita Patel', current: true }, { name: 'Dr. Luis Nguyen', current: false }],
  staff: ['Maria Chen', 'Jenny Park', 'Greg Walsh'],
  insurance_accepted: ['Medicare', 'Blue Cross', 'Aetna', 'Humana'],
  insurance_not_accepted: [],
  contact_phone: '(555) 201-3344',
  contact_email: null,
};

interface Post { text: string; phi: boolean; byPractice?: boolean; author?: string }
interface Clinical { text: string; has_phi: boolean }
interface Presidio { full_text: string; spans: { entity_type: string; entity_value: string; start_position: number; end_position: number }[] }

const pw = (text: string, byPractice = false, author?: string) =>
  assessPhi({ text, byPractice, author: author ?? null }, EVAL_PRACTICE).flag !== null;

const TYPE_MAP: Record<string, EntityType> = {
  PERSON: 'person', PHONE_NUMBER: 'phone', EMAIL_ADDRESS: 'email', STREET_ADDRESS: 'address', DATE_TIME: 'date', AGE: 'age', US_SSN: 'id',
  IP_ADDRESS: 'id', CREDIT_CARD: 'id',
};

function recallRow(system: string, hit: number, n: number): EvalRow {
  return { system, precision: NaN, recall: n ? hit / n : 0, f1: NaN, fpr: NaN };
}

export async function evaluate(): Promise<EvalSection[]> {
  const out: EvalSection[] = [];
  const posts = fixture<Post>('phi/posts.jsonl');
  const gold = posts.map((p) => p.phi);
  out.push({
    category: 'phi',
    dataset: 'fixtures/phi/posts.jsonl (invented informal posts)',
    n: posts.length,
    rows: [
      score('PracticeWatch', gold, posts.map((p) => pw(p.text, p.byPractice, p.author))),
      score('redact-pii (anything redacted)', gold, posts.map((p) => redactPiiFlags(p.text))),
    ],
  });

  const clinicalFile = sharedFile('synthetic_clinical_queries_phi/dev.jsonl');
  if (clinicalFile) {
    const rows = readJsonl<Clinical>(clinicalFile);
    const g = rows.map((r) => r.has_phi);
    out.push({
      category: 'phi',
      dataset: 'synthetic_clinical_queries_phi/dev (has_phi)',
      n: rows.length,
      rows: [
        score('PracticeWatch', g, rows.map((r) => pw(r.text))),
        score('redact-pii (anything redacted)', g, rows.map((r) => redactPiiFlags(r.text))),
      ],
    });
  }

  const presidioFile = sharedFile('presidio_synth_pii/synth_dataset_v2.json');
  if (presidioFile) {
    const data = JSON.parse(readFileSync(presidioFile, 'utf8')) as Presidio[];
    const tally = new Map<string, { n: number; pw: number; rp: number }>();
    for (const r of data) {
      const ents = findEntities(r.full_text, EVAL_PRACTICE);
      const redacted = r.spans.length ? redactor.redact(r.full_text) : r.full_text;
      for (const s of r.spans) {
        const type = TYPE_MAP[s.entity_type];
        if (!type) continue;
        // HIPAA counts every element of a date except the year: year-only spans are tallied apart.
        const key = type === 'date' && /^\d{4}$/.test(s.entity_value) ? 'date (year only, not a HIPAA identifier)' : type;
        const t = tally.get(key) ?? { n: 0, pw: 0, rp: 0 };
        t.n++;
        const covered = ents
          .filter((e) => e.type === type)
          .reduce((a, e) => a + Math.max(0, Math.min(e.end, s.end_position) - Math.max(e.start, s.start_position)), 0);
        if (covered * 2 >= s.end_position - s.start_position) t.pw++;
        if (!redacted.includes(s.entity_value)) t.rp++;
        tally.set(key, t);
      }
    }
    for (const [type, t] of [...tally].sort()) {
      out.push({
        category: 'phi',
        dataset: `presidio_synth_pii identifier recall: ${type}`,
        n: t.n,
        rows: [recallRow('PracticeWatch', t.pw, t.n), recallRow('redact-pii', t.rp, t.n)],
        note: 'recall only (span covered ≥ 50% by the right type; redact-pii: value gone from its output)',
      });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const s of await evaluate()) {
    console.log(`${s.dataset} (n=${s.n})`);
    for (const r of s.rows) console.log(`  ${r.system.padEnd(32)} P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} F1=${r.f1.toFixed(3)} FPR=${r.fpr.toFixed(3)}`);
  }
}
