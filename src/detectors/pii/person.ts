// Names of people. Fast rules over a word tokenisation, backed by compromise's first/last-name lexicon and the
// SCOWL common-word list: titles (Mr./Mrs./Dr.), relation cues ("my neighbor Tom Becker"), name cues
// ("my name is", "User:"), known first names (+ surname or initial), runs of capitalised non-words.
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES, NON_PERSON_WORDS, ORG_WORDS, PLACE_WORDS } from './lexicon.ts';
import { isHealthTerm } from './health.ts';
import { AGE_OWNER_TOKEN, AGE_VERB_TOKEN, DECADE_TOKEN, NUM_WORD_TOKEN, TENS_WORD_TOKEN, type AgeCues, type Found } from './patterns.ts';
import { boundedMemo } from '../text/memo.ts';

interface Tok {
  text: string;
  low: string;
  start: number;
  end: number;
  cap: boolean;
  /** First word of a sentence (or line): capitalisation says nothing there. */
  initial: boolean;
  /** What the word lists say about `low` (W_* bits). */
  info: number;
  /** Letters (and ' ’ . -) only. */
  wordish: boolean;
}

const WORD_RE = /[\p{L}][\p{L}\p{M}'’.-]*[\p{L}\p{M}]\.?|[\p{L}]\.?/gu;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let m: RegExpExecArray | null;
  WORD_RE.lastIndex = 0;
  let prevEnd = 0;
  while ((m = WORD_RE.exec(text))) {
    const w = wordFacts(m[0]);
    // Plain spacing between words (the usual case) never starts a sentence; anything else goes through the regexes.
    let initial = toks.length === 0;
    if (!initial && m.index > prevEnd && !(m.index === prevEnd + 1 && text.charCodeAt(prevEnd) === 32)) {
      const between = text.slice(prevEnd, m.index);
      initial = /[.!?:;"“(\n]\s*$|^\s*[-•*]\s*$/.test(between) || /\n/.test(between);
    }
    toks.push({
      text: w.core,
      low: w.low,
      start: m.index,
      end: m.index + w.core.length,
      cap: w.cap,
      initial,
      info: w.info,
      // Every WORD_RE match starts with a letter and holds only letters, marks and ' ’ . -, and `core` is a
      // non-empty prefix of it, so this is always true (kept as a field for the rules that read it).
      wordish: true,
    });
    prevEnd = m.index + m[0].length;
  }
  return toks;
}

const TITLE = /^(?:mr|mrs|ms|mx|miss|dr|doctor|prof|professor|nurse|sister|father|rev|reverend|pastor|rabbi|imam|coach|officer|judge|mayor|principal|mister|madam|dame|sir|aunt|uncle|grandma|grandpa|deacon|sheriff|senator|councilman|councilwoman)$/;
const RELATION =
  /^(?:husband|wife|son|daughter|mom|mother|mum|dad|father|brother|sister|aunt|uncle|cousin|grandma|grandmother|grandpa|grandfather|granddaughter|grandson|neighbor|neighbour|friend|coworker|co-worker|colleague|boss|kid|baby|boyfriend|girlfriend|fiance|fiancé|fiancee|fiancée|partner|niece|nephew|roommate|stepson|stepdaughter|stepmom|stepdad|child|toddler|teen|spouse|ex|classmate|tenant|landlord|patient|client|(?:(?:mother|father|brother|sister|son|daughter)-in-law)|(?:half|step)-?(?:brother|sister)|bf|gf|hubby|bestie|bff|buddy|pal|sis|bro|twin|caregiver|carer|housemate|flatmate|grandkid|grandchild|grandbaby|granny|nana|godson|goddaughter|godmother|godfather|supervisor|manager|teacher|student|pastor|nanny|babysitter|sweetheart)$/;
const NAME_CUE =
  /(?:\bname(?:'s| is| was|:)|\bnamed|\bcalled|\bcalls? me|\bthis is|\bi am|\bi'm|\bi’m|\bhi|\bhello|\bhey|\bdear|\bthanks|\bthank you|\buser:|\bsigned|\bsaid|\bshouted at|\bto|\bwith|\bby|\band|\bfrom|\bask for|\bspoke (?:to|with)|\bsaw|\bmet|\blike|\bthan|\bstarring|\bdirected by)\s*[,:]?\s*$/i;
const STRONG_CUE = /(?:\bname(?:'s| is| was|:|\?)|\bnamed (?:him|her|them|it)|\bnamed|\bcalled|\bcalls? me|\bthis is|\bi am|\bi'm|\bi’m|\bhi|\bhello|\bhey|\bdear|\buser:|\bsigned)\s*[,:]?\s*$/i;

/**
 * First names that are also everyday words ("Hope", "Will", "Bill", "Rose", "May"). Alone they are words; they are a
 * name only with context: a relation or title before them ("my coworker Hope", "Nurse Pat"), a surname after them
 * ("Frank Brown"), or an address cue ("tell bill his…"). Kept as a vocabulary, not as one-off phrases.
 */
const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(
  ('hope grace bill will frank rose mark faith sandy dawn joy jack sue pat art bob penny june april may summer rich guy ' +
    'grant chase don ivy lily daisy holly iris ruby pearl amber crystal heather olive violet autumn robin ray gene earl dean ' +
    'drew jay lee nick rob carol miles wade cliff glen herb hunter mason destiny patience charity honor melody skye rocky ' +
    'buck duke hank chip dusty misty sunny angel harmony trinity jewel sky bud chuck rusty sage jean peg bea kitty')
    .split(' '),
);
/** Surnames that are also everyday words ("Brown", "Young", "King"): a surname only right after a first name or title. */
const AMBIGUOUS_LAST_NAMES: ReadonlySet<string> = new Set(
  ('brown young king white black green long little hill wood woods stone baker bell bird bush carpenter cook fox frost ' +
    'gold golden gray grey hall hunter lamb lane love marsh mason moon park pierce pope price rich rose rush sharp short ' +
    'small snow steele strong swift wells west wolf cross dale ford fields hart hood house knight lord major mills nash ' +
    'page power reed rice rivers rock savage shepherd sweet waters wise winter walker hardy bishop banks barber brooks ' +
    'butler chambers cole cotton crane fisher fletcher glass hale hunt lyons miles noble payne pike porter potter ' +
    'rowe sawyer shields stark steel summers tanner turner wade ward warren weaver wheeler wild wilde wolfe bean bacon ' +
    'bond cash dove duke drake finch gates hawk holiday joy lovely march may mercer north penny pitt sparks storm spring')
    .split(' '),
);

function isWordish(t: Tok): boolean {
  return t.wordish;
}
function isInitial(t: Tok): boolean {
  return /^\p{Lu}\.?$/u.test(t.text);
}
function isCommon(low: string): boolean {
  if (COMMON_WORDS.has(low) || NON_PERSON_WORDS.has(low)) return true;
  if (!low.includes("'")) return false;
  const base = low.replace(/'(?:m|re|ve|ll|d|t|s)$/, '').replace(/n$/, (n) => (low.endsWith("n't") ? '' : n));
  return COMMON_WORDS.has(base) || NON_PERSON_WORDS.has(base);
}

// Word-list facts about a lower-cased token as bits, worked out once per distinct word (see wordFacts) instead of
// several Set lookups and regex tests per token per rule.
const W_COMMON = 1; // isCommon
const W_COMMON_WORD = 2; // COMMON_WORDS
const W_FIRST = 4;
const W_LAST = 8;
const W_NON_PERSON = 16;
const W_PLACE = 32;
const W_ORG = 64;
const W_HEALTH = 128; // isHealthTerm
const W_TITLE = 256; // TITLE
const W_RELATION = 512; // RELATION
const W_AMBIG_FIRST = 1024; // AMBIGUOUS_FIRST_NAMES
const W_AMBIG_LAST = 2048; // AMBIGUOUS_LAST_NAMES
// Age cues, collected for findCuedAges (see AgeCues): a number word, "old", a person whose age may follow.
const W_NUM_WORD = 4096;
const W_OLD = 8192;
const W_AGE_OWNER = 16384;
const W_NUM_ONE = 32768; // "one", "one-year-old"
const W_TENS = 65536;
const W_DECADE = 131072;
const W_AGE_VERB = 262144;
function wordInfo(low: string): number {
  return (isCommon(low) ? W_COMMON : 0) | (COMMON_WORDS.has(low) ? W_COMMON_WORD : 0) | (FIRST_NAMES.has(low) ? W_FIRST : 0) |
    (LAST_NAMES.has(low) ? W_LAST : 0) | (NON_PERSON_WORDS.has(low) ? W_NON_PERSON : 0) | (PLACE_WORDS.has(low) ? W_PLACE : 0) |
    (ORG_WORDS.has(low) ? W_ORG : 0) | (isHealthTerm(low) ? W_HEALTH : 0) | (TITLE.test(low) ? W_TITLE : 0) |
    (RELATION.test(low) ? W_RELATION : 0) | (AMBIGUOUS_FIRST_NAMES.has(low) ? W_AMBIG_FIRST : 0) |
    (AMBIGUOUS_LAST_NAMES.has(low) ? W_AMBIG_LAST : 0) | (NUM_WORD_TOKEN.test(low) ? (low.startsWith('one') ? W_NUM_ONE : W_NUM_WORD) : 0) |
    (low === 'old' || low.endsWith('-old') ? W_OLD : 0) | (AGE_OWNER_TOKEN.test(low) ? W_AGE_OWNER : 0) |
    (TENS_WORD_TOKEN.test(low) ? W_TENS : 0) | (DECADE_TOKEN.test(low) ? W_DECADE : 0) | (AGE_VERB_TOKEN.test(low) ? W_AGE_VERB : 0);
}

/** What tokenize needs about one raw word match, worked out once per distinct match. */
interface WordFacts {
  /** The match without a trailing period (kept for titles and initials) and without a possessive 's. */
  core: string;
  /** `core` lower-cased, without a final period, ’ folded to '. */
  low: string;
  /** Starts with a capital. */
  cap: boolean;
  /** wordInfo(low). */
  info: number;
}
// The same few thousand words fill most texts: their facts are looked up once per distinct raw match (one Map
// lookup per token instead of the string work and several Set lookups). Bounded: cleared when full.
const wordFacts = boundedMemo((match: string): WordFacts => {
  let t = match;
  // Keep a trailing period only for titles and initials ("Dr.", "S.").
  if (t.endsWith('.') && !/^(?:mr|mrs|ms|mx|dr|prof|st|sr|jr|[\p{L}])\.$/iu.test(t)) t = t.slice(0, -1);
  // Strip a possessive ('s, ’s, 'S).
  let core = t;
  const n = core.length;
  if (n >= 2 && (core.charCodeAt(n - 1) | 32) === 115 /* s */ && (core[n - 2] === "'" || core[n - 2] === '’')) core = core.slice(0, -2);
  let low = core.toLowerCase();
  if (low.endsWith('.')) low = low.slice(0, -1);
  if (low.includes('’')) low = low.replace(/’/g, "'");
  const c0 = core.charCodeAt(0);
  return { core, low, cap: c0 < 128 ? c0 >= 65 && c0 <= 90 : /^\p{Lu}/u.test(core), info: wordInfo(low) };
});
function has(t: Tok, bit: number): boolean {
  return (t.info & bit) !== 0;
}
/** Could this capitalised token be part of a name? */
function nameLike(t: Tok): boolean {
  if (!t.cap || !isWordish(t)) return false;
  if (has(t, W_NON_PERSON) || has(t, W_HEALTH)) return false;
  if (has(t, W_FIRST) || has(t, W_LAST)) return true;
  if (has(t, W_PLACE) || has(t, W_ORG)) return false;
  if (t.text.length > 1 && t.text === t.text.toUpperCase()) return false; // acronyms
  return !has(t, W_COMMON);
}

export interface PracticeNames {
  /** Lower-cased token sets of each provider, staff member and the practice name. */
  exclude: Set<string>[];
}

/** The 24 characters before a token, for the cue regexes (built only when a rule gets that far). */
function before(text: string, t: Tok): string {
  return text.slice(Math.max(0, t.start - 24), t.start);
}

/** Tokens i..j inclusive as a person; leading titles are left out of the practice check but kept in the span. */
function emit(toks: Tok[], used: Uint8Array, out: Found[], practice: PracticeNames, i: number, j: number, strength: 0 | 1 | 2): void {
  const words: string[] = [];
  for (let k = i; k <= j; k++) {
    const t = toks[k]!;
    if (t.low.length > 0 && !has(t, W_TITLE)) words.push(t.low);
  }
  if (words.length > 0 && practice.exclude.some((set) => words.every((w) => set.has(w)))) return;
  if (words.length === 0) return;
  for (let k = i; k <= j; k++) used[k] = 1;
  out.push({ type: 'person', start: toks[i]!.start, end: toks[j]!.end, strength });
}

/** Extend from token k over following name-like tokens (and initials), max n tokens. */
function extend(text: string, toks: Tok[], k: number, n: number, allowLower = false): number {
  let j = k - 1;
  // An everyday-word surname ("Brown", "Hill") continues only a first name or a title: "Frank Brown", not "Notting Hill".
  const ambigLastOk = k < toks.length && (has(toks[k]!, W_FIRST) || has(toks[k]!, W_AMBIG_FIRST) || (k > 0 && has(toks[k - 1]!, W_TITLE)));
  for (let x = k; x < toks.length && x < k + n; x++) {
    const t = toks[x]!;
    if (x > k) {
      const prevEnd = toks[x - 1]!.end;
      // Plain single spacing (the usual case) passes both gap checks without building the gap string.
      if (!(t.start === prevEnd + 1 && text.charCodeAt(prevEnd) === 32)) {
        const gap = text.slice(prevEnd, t.start);
        if (!/^[ \t]*$|^\.?[ \t]+$/.test(gap.replace(/['’]s$/, ''))) break;
      }
      if (/['’]s/.test(text.slice(prevEnd, prevEnd + 2))) break;
    }
    const ok = nameLike(t) || isInitial(t) || (t.cap && (has(t, W_FIRST) || has(t, W_LAST) || (ambigLastOk && x > k && has(t, W_AMBIG_LAST) && t.start === toks[x - 1]!.end + 1 && !/^\p{Lu}{2}/u.test(t.text)))) ||
      (allowLower && isWordish(t) && (has(t, W_FIRST) || has(t, W_LAST) || (!has(t, W_COMMON) && x === k)));
    if (!ok) break;
    // particles inside names
    j = x;
  }
  return j;
}

/** Words that may follow a name in lower-case writing ("my neighbour will was…", "my roommate sue has…"). */
const AFTER_NAME = /^(?:is|was|has|had|and|said|says|told|got|gets|went|goes|did|does|who|just|also|too|isn't|wasn't|hasn't|hadn't|doesn't|didn't|can't|couldn't|won't)$/;
/** Tokens after which a following word is addressed or spoken about ("tell bill his…", "thanks grace!"). */
const ADDRESS_CUE = /(?:\btell|\btold|\bask|\basked|\bthank|\bthanks|\bthx|\btext|\btexted|\bremind|\bcc|\bhug|\bpraying for|\bpray for)\s*,?\s*$/i;
const ADDRESSED_NEXT = /^(?:his|her|him|their|them|that|to|about|i|we|you|for|how|if|the)$/;

/** Plain single-space gap (or spaces/tabs only) between two tokens. */
function spaced(text: string, a: Tok, b: Tok): boolean {
  return (b.start === a.end + 1 && text.charCodeAt(a.end) === 32) || /^[ \t]+$/.test(text.slice(a.end, b.start));
}

/** Does the text after token i look like a clause whose subject ends at i ("sue has lupus", "will was…", "jack.")? */
function subjectEnds(text: string, toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  const next = toks[i + 1];
  const gap = text.slice(t.end, next ? next.start : text.length);
  if (!next || /^[ \t]*[,.;:!?)]/.test(gap)) return true;
  if (!/^[ \t]+$/.test(gap)) return false;
  if (AFTER_NAME.test(next.low)) return true;
  // a past or third-person verb: "priya recommends", "mateo needed" (not after a modal, so "will needed" is a name)
  return next.low.length > 3 && !next.cap && (next.low.endsWith('ed') || (next.low.endsWith('s') && !next.low.endsWith('ss')));
}

/** Could a lower-case token right after a relation word be that person's name? Returns the last name token or -1. */
function lowerNameAfterRelation(text: string, toks: Tok[], k: number): number {
  const t = toks[k]!;
  if (text.startsWith('://', t.end)) return -1;
  if (t.cap || t.low.length < 2 || has(t, W_NON_PERSON) || has(t, W_HEALTH) || has(t, W_PLACE) || has(t, W_ORG) || has(t, W_RELATION)) return -1;
  const firstLike = has(t, W_FIRST) || has(t, W_AMBIG_FIRST);
  if (!firstLike && (has(t, W_COMMON) || t.low.length < 3)) return -1;
  const nx = toks[k + 1];
  // with a surname: "jack young has…", "maria lopez"
  if (nx && !nx.cap && spaced(text, t, nx) && (has(nx, W_LAST) || has(nx, W_AMBIG_LAST) || (!has(nx, W_COMMON) && nx.low.length > 2)) &&
    !has(nx, W_HEALTH) && subjectEnds(text, toks, k + 1)) return k + 1;
  // a known first name that is no everyday word needs nothing more; a name that is an everyday word needs a clause
  // or a stop after it; an unknown word ("priya", or slang like "smh") needs a verb after it
  if (has(t, W_FIRST) && !has(t, W_COMMON)) return k;
  if (!firstLike) return nx && spaced(text, t, nx) && subjectEnds(text, toks, k) ? k : -1;
  return subjectEnds(text, toks, k) ? k : -1;
}

/** `ageCues`, when given, is filled with the age cues among the text's words (for findCuedAges; no extra pass). */
export function findPersons(text: string, practice: PracticeNames, ageCues?: AgeCues): Found[] {
  const toks = tokenize(text);
  if (ageCues) {
    let bits = 0;
    for (const t of toks) bits |= t.info;
    ageCues.old = (bits & W_OLD) !== 0;
    ageCues.owner = (bits & W_AGE_OWNER) !== 0;
    ageCues.ageVerb = (bits & W_AGE_VERB) !== 0;
    ageCues.tens = (bits & W_TENS) !== 0;
    ageCues.decade = (bits & W_DECADE) !== 0;
    ageCues.numberWord = (bits & W_NUM_WORD) !== 0 || ((bits & W_NUM_ONE) !== 0 && (bits & (W_OLD | W_AGE_OWNER | W_AGE_VERB)) !== 0);
  }
  const out: Found[] = [];
  if (toks.length === 0) return out;
  const lowerText = !/\p{Lu}/u.test(text);
  const used = new Uint8Array(toks.length);

  for (let i = 0; i < toks.length; i++) {
    if (used[i]) continue;
    const t = toks[i]!;
    // 1. Title + name: "Mrs. Ortiz", "Dr. Patel", "ms. selma"
    if (has(t, W_TITLE) && i + 1 < toks.length && toks[i + 1]!.low !== 'i' && (t.cap || t.text.endsWith('.') || toks[i + 1]!.cap)) {
      let j = extend(text, toks, i + 1, 3, t.text.endsWith('.') || t.cap);
      const nx = toks[i + 1]!;
      if (j < i + 1 && nx.cap && isWordish(nx) && !has(nx, W_NON_PERSON) && !has(nx, W_HEALTH) && /^[ \t]+$/.test(text.slice(t.end, nx.start))) j = i + 1;
      if (j >= i + 1) {
        emit(toks, used, out, practice, i, j, 2);
        i = j;
        continue;
      }
    }
    // 2. Relation cue: "my neighbor Tom Becker", "her husband, Dave"
    if (has(t, W_RELATION) && i > 0 && /^(?:my|our|his|her|their|your|a|the)$/.test(toks[i - 1]!.low) && i + 1 < toks.length) {
      const k = i + 1;
      const gap = text.slice(t.end, toks[k]!.start);
      if (/^[ \t]*,?[ \t]*$/.test(gap) && toks[k]!.cap && !has(toks[k]!, W_NON_PERSON) && !has(toks[k]!, W_HEALTH) &&
        (nameLike(toks[k]!) || has(toks[k]!, W_FIRST) || has(toks[k]!, W_AMBIG_FIRST))) {
        let j = extend(text, toks, k, 3);
        if (j < k && has(toks[k]!, W_AMBIG_FIRST)) {
          // "my brother-in-law Guy Stone": the everyday-word first name, then any surname after it
          const nx = toks[k + 1];
          j = nx && nx.cap && spaced(text, toks[k]!, nx) && (has(nx, W_AMBIG_LAST) || has(nx, W_LAST) || nameLike(nx)) ? k + 1 : k;
        }
        if (j >= k) {
          emit(toks, used, out, practice, k, j, 2);
          i = j;
          continue;
        }
      }
      // lower-case writers: "my neighbor grace has…", "my sister priya had…", "my friend jack young has…"
      if (/^[ \t]*,?[ \t]*$/.test(gap) && !toks[k]!.cap) {
        const j = lowerNameAfterRelation(text, toks, k);
        if (j >= k) {
          emit(toks, used, out, practice, k, j, 1);
          i = j;
          continue;
        }
      }
    }
    if (!isWordish(t)) continue;
    // 2b. A first name addressed or spoken about: "tell bill his meds are ready", "thanks Grace!"
    if ((has(t, W_FIRST) || has(t, W_AMBIG_FIRST)) && !(t.cap && t.initial) && !has(t, W_NON_PERSON) && ADDRESS_CUE.test(before(text, t))) {
      const nx = toks[i + 1];
      const gap = text.slice(t.end, nx ? nx.start : text.length);
      if (!nx || /^[ \t]*[,.;:!?)]/.test(gap) || (/^[ \t]+$/.test(gap) && ADDRESSED_NEXT.test(nx.low))) {
        emit(toks, used, out, practice, i, i, 1);
        continue;
      }
    }
    // 2c. A first name that is an everyday word, followed by a surname: "Frank Brown", "Rose White", "Hope Okafor"
    if (t.cap && has(t, W_AMBIG_FIRST) && i + 1 < toks.length) {
      const nx = toks[i + 1]!;
      if (nx.cap && spaced(text, t, nx) && (has(nx, W_AMBIG_LAST) || has(nx, W_LAST) || nameLike(nx)) &&
        !has(nx, W_NON_PERSON) && !has(nx, W_HEALTH) && !has(nx, W_PLACE) && !has(nx, W_ORG) && !has(nx, W_TITLE) &&
        !(nx.text.length > 1 && nx.text === nx.text.toUpperCase())) {
        const j = Math.max(i + 1, extend(text, toks, i + 1, 2));
        emit(toks, used, out, practice, i, j, 2);
        i = j;
        continue;
      }
    }
    // 3. Explicit name cue: "my name is Rubija", "User: Šárka Ottová"
    // (the cheap word checks first: most tokens are everyday lower-case words and never need the cue regex)
    if ((!has(t, W_COMMON) || has(t, W_FIRST) || (t.cap && !has(t, W_NON_PERSON) && !has(t, W_HEALTH))) && STRONG_CUE.test(before(text, t))) {
      const j = Math.max(i, extend(text, toks, i, 3, true));
      emit(toks, used, out, practice, i, j, 2);
      i = j;
      continue;
    }
    const known = has(t, W_FIRST) && !(t.text.length > 1 && t.text === t.text.toUpperCase());
    // Speaker label at a line start: "Nicole: …", "Halldór: …"
    if (t.initial && t.cap && /^[ \t]*:/.test(text.slice(t.end, t.end + 3)) && (known || !has(t, W_COMMON))) {
      emit(toks, used, out, practice, i, i, 1);
      continue;
    }
    // Vocative or list head at a sentence start: "Danial, can I please…", "Gaetane, Hannah, …"
    if (t.initial && t.cap && /^,/.test(text.slice(t.end, t.end + 1)) && (known || !has(t, W_COMMON)) && !has(t, W_HEALTH) && !has(t, W_PLACE) && !has(t, W_ORG)) {
      emit(toks, used, out, practice, i, i, 1);
      continue;
    }
    // lower-case "eric g. samoylova", "codey m ross": known first name, a middle initial, then a surname-like word
    if (!t.cap && known && i + 2 < toks.length) {
      const mid = toks[i + 1]!;
      const last = toks[i + 2]!;
      if (/^[a-z]\.?$/.test(mid.text) && mid.low !== 'i' && isWordish(last) && !has(last, W_COMMON) && !has(last, W_HEALTH) &&
        /^[ \t]+$/.test(text.slice(t.end, mid.start)) && /^[ \t]+$/.test(text.slice(mid.end, last.start))) {
        emit(toks, used, out, practice, i, i + 2, 1);
        i += 2;
        continue;
      }
    }
    // Writers who never capitalise: known first names (+ a following surname) still count.
    if (lowerText && !t.cap && known && !has(t, W_COMMON_WORD)) {
      const next = toks[i + 1];
      const withNext = next && !has(next, W_COMMON) && /^[ \t]+$/.test(text.slice(t.end, next.start));
      emit(toks, used, out, practice, i, withNext ? i + 1 : i, 1);
      if (withNext) i++;
      continue;
    }
    if (t.cap && known) {
      // 4. Known first name: with a surname / initial → strong; alone → likely unless it is an everyday word.
      let j = extend(text, toks, i, 3);
      const nx = toks[i + 1];
      if (j === i && nx && nx.cap && isWordish(nx) && !has(nx, W_NON_PERSON) && !has(nx, W_HEALTH) && /^[ \t]+$/.test(text.slice(t.end, nx.start))) j = i + 1;
      if (j > i) {
        emit(toks, used, out, practice, i, j, 2);
        i = j;
        continue;
      }
      if (!has(t, W_COMMON_WORD) || (!t.initial && !has(t, W_COMMON_WORD))) {
        emit(toks, used, out, practice, i, i, 1);
        continue;
      }
      if (NAME_CUE.test(before(text, t)) && !t.initial) {
        emit(toks, used, out, practice, i, i, 1);
        continue;
      }
    }
    // lower-case "maria lopez": known first + known last name
    if (!t.cap && known && i + 1 < toks.length && has(toks[i + 1]!, W_LAST) && /^[ \t]+$/.test(text.slice(t.end, toks[i + 1]!.start))) {
      emit(toks, used, out, practice, i, i + 1, 1);
      i++;
      continue;
    }
    // 5. Runs of capitalised non-words: "Krisztián Szöllösy", "Yefremova"
    if (nameLike(t)) {
      const j = extend(text, toks, i, 4);
      if (j > i) {
        const anyKnown = toks.slice(i, j + 1).some((x) => has(x, W_FIRST) || has(x, W_LAST));
        emit(toks, used, out, practice, i, j, anyKnown ? 2 : 1);
        i = j;
        continue;
      }
      if (!t.initial || has(t, W_LAST)) {
        emit(toks, used, out, practice, i, i, has(t, W_LAST) ? 1 : 0);
        continue;
      }
      // Sentence-initial unknown capitalised word followed by a verb-ish word ("Yefremova began", "Koppány is")
      const next = toks[i + 1];
      if (next && /^(?:is|was|has|had|said|says|spent|began|lives|shouted|told|went|came|called|and|from)$/.test(next.low)) {
        emit(toks, used, out, practice, i, i, 0);
        continue;
      }
    }
  }
  return out;
}
