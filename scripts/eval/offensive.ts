// Evaluation of the `offensive` detector: our fixtures (incl. clinical words that must not fire), Davidson et al.
// tweets (offensive/hate vs neither, >= 2/3 agreement, balanced sample), the Jigsaw sample and the Surge profanity
// lexicon (coverage of severity >= 2 terms in a carrier sentence), beside `obscenity` as shipped and VADER/AFINN.
import { readFileSync } from 'node:fs';
import { detectOffensive } from '../../src/detectors/offensive.ts';
import { afinnNegative, fixture, obscenityFlags, parseCsv, sharedFile, vaderCompound } from './data.ts';
import { sectionOf, type EvalSection } from './types.ts';

const pw = (text: string) => detectOffensive({ text }).length > 0;
const vaderVeryNegative = (text: string) => vaderCompound(text) <= -0.5;

function section(dataset: string, items: { text: string; gold: boolean }[], note?: string): EvalSection {
  return sectionOf('offensive', dataset, items, (i) => i.gold, [
    ['PracticeWatch', (i) => pw(i.text)],
    ['obscenity (English preset)', (i) => obscenityFlags(i.text)],
    ['VADER (compound <= -0.5)', (i) => vaderVeryNegative(i.text)],
    ['AFINN (sentiment, score < 0)', (i) => afinnNegative(i.text)],
  ], note);
}

/** Davidson tweets carry HTML entities and @mentions; decode the entities the way a connector would. */
function clean(t: string): string {
  return t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#\d+;/g, ' ');
}

export async function evaluate(): Promise<EvalSection[]> {
  const out: EvalSection[] = [section('fixtures/offensive.jsonl (reviews, incl. clinical words)', fixture<{ text: string; offensive: boolean }>('offensive.jsonl').map((r) => ({ text: r.text, gold: r.offensive })))];

  const dav = sharedFile('davidson_hate_offensive/dev.csv');
  if (dav) {
    const rows = parseCsv(readFileSync(dav, 'utf8')).slice(1);
    const pos: { text: string; gold: boolean }[] = [];
    const neg: { text: string; gold: boolean }[] = [];
    for (const r of rows) {
      if (r.length < 7) continue;
      const count = Number(r[1]);
      const votes = [Number(r[2]), Number(r[3]), Number(r[4])];
      const cls = Number(r[5]);
      if (!(Math.max(...votes) * 3 >= count * 2)) continue;
      const item = { text: clean(r[6]!), gold: cls !== 2 };
      if (item.gold) {
        if (pos.length < 1500) pos.push(item);
      } else if (neg.length < 1500) neg.push(item);
    }
    out.push(section(`davidson_hate_offensive/dev.csv (${pos.length} offensive/hate + ${neg.length} neither, >= 2/3 agreement)`, [...pos, ...neg], 'tweets, heavy slang; first rows of each class in file order'));
  }

  const jig = sharedFile('toxicity_small/jigsaw_ibm_sample/test_examples.csv');
  if (jig) {
    const rows = parseCsv(readFileSync(jig, 'utf8')).slice(1).filter((r) => r.length >= 7);
    out.push(section('toxicity_small/jigsaw (any toxic label vs clean)', rows.map((r) => ({ text: r[0]!, gold: r.slice(1, 7).some((x) => x.trim() === '1') })), 'smoke test: 13 toxic, 87 clean'));
  }

  const lex = sharedFile('toxicity_small/surge_profanity_lexicon/profanity_en.csv');
  if (lex) {
    const rows = parseCsv(readFileSync(lex, 'utf8')).slice(1).filter((r) => r.length >= 8 && Number(r[7]) >= 2);
    const items = rows.map((r) => ({ text: `The receptionist called me a ${r[0]} at the front desk.`, gold: true }));
    out.push(section('surge profanity lexicon, severity >= 2 terms in a carrier sentence (recall only)', items));
  }
  return out;
}
