// Fast, allocation-light text helpers shared by the detectors. Everything here is pure and precompiled.

// Several detectors normalize and split the same text in a row: the last input and result of each are kept.
let normIn = '';
let normOut = '';

/** Lower-cases and folds typographic quotes/dashes so one set of regexes serves every detector. */
export function normalize(text: string): string {
  if (text === normIn) return normOut;
  normOut = text.toLowerCase().replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-');
  normIn = text;
  return normOut;
}

/** Sentence ends, but not after a title abbreviation ("Dr. Reyes" stays in one sentence). */
const SENTENCE_SPLIT = /(?<=[.!?;\n])(?<!\b(?:dr|drs|mr|mrs|ms|mx|prof|st|vs|jr|sr)\.)\s+|\n+|\s+-\s+/;

let sentIn: string | null = null;
let sentOut: readonly string[] = [];

/** Splits normalized text into sentences / clause-ish chunks (never empty). The result is shared: do not modify it. */
export function sentences(norm: string): readonly string[] {
  if (norm === sentIn) return sentOut;
  const out: string[] = [];
  for (const s of norm.split(SENTENCE_SPLIT)) {
    const t = s.trim();
    if (t) out.push(t);
  }
  sentIn = norm;
  sentOut = out;
  return out;
}

const WORD = /[a-z0-9]+(?:'[a-z]+)*/g;

/** Word tokens of a normalized string ("didn't" stays one token). */
export function words(norm: string): string[] {
  return norm.match(WORD) ?? [];
}

/** Builds one case-insensitive regex from alternatives, word-bounded on both sides. */
export function anyOf(alternatives: readonly string[], flags = ''): RegExp {
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, flags);
}
