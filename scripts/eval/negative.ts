// Evaluation of the `negative` detector: our healthcare review fixtures (text only, and with the star rating)
// and VADER's human-rated ground truth (tweets, Amazon review snippets), beside plain VADER and AFINN.
import { detectNegative } from '../../src/detectors/negative.ts';
import { afinnNegative, fixture, vaderGroundTruth, vaderNegative } from './data.ts';
import { sectionOf, type EvalSection } from './types.ts';

interface Review { text: string; rating?: number; negative: boolean }

const pw = (text: string, rating?: number | null) => detectNegative({ text, rating: rating ?? null }).length > 0;

function section(dataset: string, items: { text: string; rating?: number | null; gold: boolean }[], withRating: boolean): EvalSection {
  return sectionOf('negative', dataset, items, (i) => i.gold, [
    [withRating ? 'PracticeWatch (text + stars)' : 'PracticeWatch', (i) => pw(i.text, withRating ? i.rating : null)],
    ['VADER (compound <= -0.05)', (i) => vaderNegative(i.text)],
    ['AFINN (sentiment, score < 0)', (i) => afinnNegative(i.text)],
  ]);
}

export async function evaluate(): Promise<EvalSection[]> {
  const reviews = fixture<Review>('reviews.jsonl');
  const out: EvalSection[] = [
    section('fixtures/reviews.jsonl (healthcare reviews, text only)', reviews.map((r) => ({ text: r.text, gold: r.negative })), false),
  ];
  const rated = reviews.filter((r) => r.rating !== undefined);
  out.push(section('fixtures/reviews.jsonl (rated subset, with stars)', rated.map((r) => ({ text: r.text, rating: r.rating, gold: r.negative })), true));
  for (const name of ['tweets', 'amazonReviewSnippets']) {
    const rows = vaderGroundTruth(name);
    if (!rows) continue;
    const items = rows.filter((r) => Math.abs(r.mean) >= 1).map((r) => ({ text: r.text, gold: r.mean <= -1 }));
    out.push({ ...section(`vader_groundtruth/${name} (mean <= -1 vs >= +1)`, items, false), note: 'general-domain text; PracticeWatch is tuned for healthcare reviews' });
  }
  return out;
}
