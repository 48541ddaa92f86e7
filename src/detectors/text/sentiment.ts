// A fast VADER-style valence scorer over the healthcare-adjusted lexicon: lexicon lookups with boosters,
// negation (window of three tokens) and the "but" shift, per sentence. No allocation beyond the token arrays.
import { BOOSTERS, LEXICON } from './lexicon.ts';
import { NEGATORS } from './negation.ts';
import { words } from './tokenize.ts';

const N_SCALAR = -0.74;
/** Words a negative adjective may describe without judging anyone ("terrible back pain"). */
const SYMPTOMS = new Set(['pain', 'pains', 'headache', 'headaches', 'migraine', 'migraines', 'cough', 'cold', 'flu', 'infection',
  'rash', 'cramps', 'nausea', 'fever', 'allergies', 'acne', 'eczema', 'anxiety', 'depression', 'insomnia', 'reflux', 'back', 'knee',
  'case', 'symptoms', 'news', 'legs', 'leg', 'syndrome', 'stomach', 'skin', 'throat', 'side', 'effects', 'effect', 'part', 'diagnosis', 'accident', 'fall', 'injury', 'luck', 'year', 'time', 'week', 'day', 'night', 'shape']);
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'unfortunately', 'except', 'yet']);

export interface SentenceScore {
  /** Sum of adjusted valences (unbounded; < 0 is negative). */
  sum: number;
  pos: number;
  neg: number;
}

/** Scores one normalized sentence. */
export function scoreSentence(norm: string): SentenceScore {
  const t = words(norm);
  // Clause index of every token: negation does not reach across a comma, semicolon or colon ("no side effects,
  // energy is back").
  const clause = new Uint16Array(t.length);
  if (/[,;:]/.test(norm)) {
    let k = 0;
    let c = 0;
    for (const part of norm.split(/[,;:]/)) {
      const n = words(part).length;
      for (let j = 0; j < n && k < t.length; j++) clause[k++] = c;
      c++;
    }
  }
  let contrastAt = -1;
  for (let i = 0; i < t.length; i++) if (CONTRAST.has(t[i]!)) { contrastAt = i; break; }
  let sum = 0;
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    let v = LEXICON.get(w);
    if (v === undefined) continue;
    if (i > 0 && BOOSTERS.has(w)) continue;
    if (v < 0 && ((i + 1 < t.length && SYMPTOMS.has(t[i + 1]!)) || (i + 2 < t.length && SYMPTOMS.has(t[i + 2]!)))) continue;
    for (let k = 1; k <= 3 && i - k >= 0; k++) {
      const b = BOOSTERS.get(t[i - k]!);
      if (b !== undefined) v += (v > 0 ? b : -b) * (k === 1 ? 1 : k === 2 ? 0.95 : 0.9);
    }
    for (let k = 1; k <= 3 && i - k >= 0 && clause[i - k] === clause[i]; k++) {
      const p = t[i - k]!;
      if (NEGATORS.has(p) || p.endsWith("n't")) {
        v *= N_SCALAR;
        break;
      }
    }
    if (contrastAt >= 0) v *= i < contrastAt ? 0.5 : 1.5;
    sum += v;
    if (v > 0) pos += v;
    else neg += v;
  }
  return { sum, pos, neg };
}

/** VADER's normalisation of a sum into -1..1. */
export function compound(sum: number): number {
  const c = sum / Math.sqrt(sum * sum + 15);
  return c < -1 ? -1 : c > 1 ? 1 : c;
}
