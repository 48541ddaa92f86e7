// Pattern identifiers (HIPAA Safe Harbor): e-mail, URL, IP, SSN and other ids, phone, date, age, street address.
// Each finder returns spans; entities.ts resolves overlaps (earlier finders in its order win).
import type { Entity, EntityType } from '../../core/types.ts';

export interface Found extends Entity {
  /** 2 = certain, 1 = likely, 0 = weak guess (still masked; not enough alone to make a text identifying). */
  strength: 0 | 1 | 2;
}

function all(re: RegExp, text: string, type: EntityType, strength: 0 | 1 | 2, group = 0): Found[] {
  const out: Found[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const g = m[group];
    if (g === undefined || g.length === 0) continue;
    const start = group === 0 ? m.index : m.index + m[0].indexOf(g);
    out.push({ type, start, end: start + g.length, strength });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?]|\b(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|co|us|info|biz|health|care|clinic|me|uk|de|fr|ca|example)\b(?:\/[^\s<>"')\]]*[^\s<>"')\].,;:!?])?/gi;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?/gi;
const SSN = /\b\d{3}-\d{2}-\d{4}\b/g;
const ID_KEYWORD =
  /\b(?:mrn|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #)?|patient (?:id|number|no\.?|#)|member(?:ship)? (?:id|number|no\.?|#)|policy(?: number| no\.?| #)?|group (?:number|no\.?|#)|account(?: number| no\.?| #)?|acct\.?(?: #)?|id(?: number| no\.?| #)?|ssn|social security(?: number| no\.?)?|license(?: plate)?(?: number| no\.?| #)?|licence(?: number)?|plate(?: number)?|serial(?: number| no\.?| #)?|claim(?: number| no\.?| #)?|case(?: number| no\.?| #)|insurance (?:id|number)|subscriber (?:id|number)|iban|card(?: number| no\.?)?)\s*(?:is|was|:|#|no\.?|number)?\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,}[0-9A-Z])\b/gi;
const ALNUM_ID = /\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,}\b/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const CARD = /\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7}\b/g;
const LONG_DIGITS = /\b\d{6,}\b/g;

const PHONE =
  /(?:(?<![\w+])\+\d{1,3}[ \t.-]?(?:\(0?\d{1,4}\)[ \t.-]?)?|(?<![\w.+/-])(?:\(0?\d{1,4}\)[ \t.-]?)?)\d{2,5}(?:[ \t.-]\d{2,8}){1,4}(?:[ \t]?(?:x|ext\.?|extension)[ \t]?\d{1,5})?(?![\w/])|(?<![\w+])\+?\d{10,13}(?!\w)|\(\d{3}\)\s?\d{3}[\s.-]?\d{4}\b/gi;
const PHONE_CONTEXT = /\b(?:call|phone|tel|telephone|cell|mobile|fax|number|text|reach|ring|dial|contact|office)\b[^.\n]{0,30}$/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const DATE_RES: RegExp[] = [
  new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+(?:\\d{4}|'\\d{2}))?\\b`, 'gi'),
  new RegExp(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?\\b`, 'gi'),
  /\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b/g,
  /\b(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})\b(?![/.-]\d)/g,
  /\b(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])\b(?![/.-]\d)/g,
  /\b(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.]\d{4}\b/g,
];
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?(?:19|20)\\d{2}\\b`, 'gi');
const ORDINAL_DAY = /\b(?:on )?the (?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b/gi;
const MONTH_ALONE = new RegExp(`\\b(?:in|since|last|this|next|early|late|mid|until|by|through|back in)[ -]+(${MONTH})(?![\\w-])`, 'gi');
const WEEKDAY = /\b(?:(?:last|this|next|on|every)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?!s)/gi;
const YEAR_DOB = /\b(?:born|b\.|dob|date of birth|birthday)\b[^.\n\d]{0,15}((?:19|20)\d{2})\b/gi;

/** People whose age is often given right after them: "my father is 72", "my son (4)". */
const AGE_OWNER =
  "(?:mom|mother|mum|dad|father|son|daughter|husband|wife|brother|sister|grandma|grandmother|grandpa|grandfather|grandson|granddaughter|" +
  'aunt|uncle|cousin|niece|nephew|baby|child|kid|boy|girl|toddler|friend|neighbou?r|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|' +
  'twins?|stepson|stepdaughter|newborn|infant|patient|grandbaby|grandkid|nana|granny)';
/** What may follow a bare age: a stop, the end, or a word that starts a new clause ("she is seventy-two and…"). */
const AGE_END = '(?=\\s*(?:[,.;:!?)]|$|(?:and|now|today|with|but|so|this|next|in|when|who|yet|already)\\b))';
/** Ages in words: one … ninety-nine. */
const NUM_WORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|' +
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
/** A token (lower-case, as the person finder splits words) that is a number word: "two", "seventy-two", "fifty-year-old". */
export const NUM_WORD_TOKEN = new RegExp(`^${NUM_WORD}(?:-.*)?$`);
/** A tens number word ("forty", "seventy-two"): after a pronoun only these are ages ("she's seventy-two"). */
export const TENS_WORD_TOKEN = /^(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-.*)?$/;
/** A decade ("in her eighties"). */
export const DECADE_TOKEN = /^(?:twen|thir|for|fif|six|seven|eigh|nine)ties$/;
/** A word after which an age follows: "aged seventy", "turning forty". */
export const AGE_VERB_TOKEN = /^(?:aged?|turned|turning|turns)$/;
/** A token naming someone whose age often follows ("my father is 72", "my son (4)"). */
export const AGE_OWNER_TOKEN = new RegExp(`^${AGE_OWNER}$`);
const AGE_RES: RegExp[] = [
  /\b\d{1,3}(?:\s*|-)(?:years?|yrs?|y\/o|yo|year-old|months?)(?:[\s-]*old)?\b/gi,
  /\b\d{1,3}\s*(?:yo|y\/o|y\.o\.)(?![a-z])/gi,
  /\b(?:age\s*[:=]\s*|(?:aged?|age of|turned|turning|turns|turn)\s+)(\d{1,3})\b(?!\s*(?:minutes|mins|hours|days|weeks|percent|%|dollars|am|pm|times|degrees))/gi,
  /\b(?:(?:i|he|she|they)(?:'m|’m| am|'s|’s| is| was| were|'re| are)|when (?:he|she|i|they) (?:was|were))\s+(\d{1,3})(?![\d:%/]|[.,]\d|\s*(?:minutes|mins|hours|days|weeks|percent|%|dollars|am|pm|times))\b/gi,
  // "56F", "34 m", "(34m)", "31f/": only the number is the age
  /\b(\d{1,3})\s*(?:m|f|male|female)\b(?=[\s,;:)\]/]|$)/gi,
  // "Walter Ames, 88, had…"
  /(?<=\p{L}),\s+(\d{1,2}|1[01]\d),(?=\s)/gu,
  /\b(?:in (?:his|her|their|my|our) )(?:early |mid |mid-|late )?\d0'?s\b/gi,
];
/** Ages given with digits after a cue word (see findCuedAges). */
const AGE_CUED_RES: RegExp[] = [
  // "a 6 week old", "5 days old"
  /\b\d{1,3}(?:\s*|-)(?:weeks?|wks?|days?)[\s-]*old\b/gi,
  // "my father is 72", "my son just turned 4"
  new RegExp(`\\b(?:my|our|his|her|their) ${AGE_OWNER}(?:'s|’s| is| was| turned| just turned)\\s+(\\d{1,3})(?![\\d:%/]|[.,]\\d)${AGE_END}`, 'gi'),
  // "my father (72)", "me (34)"
  new RegExp(`\\b(?:${AGE_OWNER}|me|myself|i|he|she)\\s*\\((\\d{1,3})\\)`, 'gi'),
];
const AGE_CUED_GROUP = [0, 1, 1];
const PAREN_DIGIT = /\(\d/;
/** Ages in words (see findCuedAges). */
const AGE_WORD_RES: RegExp[] = [
  // "a fifty-year-old", "seventy two years old", "two and a half years old", "three months old"
  new RegExp(`\\b${NUM_WORD}(?:[- ]and[- ]a[- ]half)?[- ](?:years?|yrs?|months?|weeks?|days?)[- ]old\\b`, 'gi'),
  // "aged seventy-two", "turning forty"
  new RegExp(`\\b(?:aged?|turned|turning|turns)\\s+(${NUM_WORD}(?:[- ]and[- ]a[- ]half)?)${AGE_END}`, 'gi'),
  // "my grandmother is seventy-two and…", "my daughter is two and a half"
  new RegExp(`\\b(?:my|our|his|her|their) ${AGE_OWNER}(?:'s|’s| is| was| just turned)\\s+(${NUM_WORD}(?:[- ]and[- ]a[- ]half)?)${AGE_END}`, 'gi'),
  // "she's seventy-two": after a pronoun only the tens (so not "I am one of…")
  new RegExp(`\\b(?:i|he|she)(?:'m|’m| am|'s|’s| is| was)\\s+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)${AGE_END}`, 'gi'),
  /\bin (?:his|her|their|my|our) (?:early |mid |mid-|late )?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi,
];

const STREET_WORDS =
  'street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|parkway|pkwy|highway|hwy|circle|cir|square|sq|trail|trl|loop|alley|row|crescent|close|gardens|grove|hill|plaza|pike|turnpike';
/** Street words in lower, Title or UPPER case (the address patterns are case-sensitive so names stay capitalised). */
const STREET_SUFFIX = `(?:${STREET_WORDS.split('|')
  .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()])
  .join('|')})\\.?`;
const CAPWORD = "[\\p{Lu}][\\p{L}'’.-]*";
const UNIT = "(?:,?\\s*(?:[Aa]pt\\.?|APT\\.?|[Aa]partment|[Ss]uite|SUITE|[Ss]te\\.?|[Uu]nit|#|[Rr]oom|[Rr]m\\.?|[Ff]loor|[Ff]l\\.?)\\s*#?\\s*[\\p{L}\\d-]+)";
const CITY_STATE = "(?:,?\\s+(?:[\\p{Lu}][\\p{L}.'-]+\\s?){1,3},?\\s+(?:[A-Z]{2}|[\\p{Lu}][\\p{L}]+)(?:\\s+\\d{5}(?:-\\d{4})?)?)?";
/** A street-name word is not an everyday English word ("via the back door", "via email and then"). */
const NOT_ENGLISH = '(?!(?:the|a|an|and|or|then|to|of|in|on|at|for|with|by|from|my|your|our|their|his|her|its|this|that|email|e-mail|phone|text|mail|post|fax|chat|app|portal|back|front|side|door|way|road|car|bus|train|plane|link|zoom)\\b)';
const ADDRESS_RES: RegExp[] = [
  // 123 Main St, Apt 4, Springfield, IL 62704
  new RegExp(`\\b\\d{1,6}[A-Za-z]?\\s+(?:[NSEW]\\.?\\s+)?(?:${CAPWORD}\\s+|\\d{1,3}(?:st|nd|rd|th)\\s+){1,4}${STREET_SUFFIX}(?![\\p{L}])${UNIT}?${CITY_STATE}`, 'gu'),
  // "on Elm Street", "Main St": a named street without a number
  new RegExp(`(?<![\\p{L}])(?:${CAPWORD}[ \\t]+){1,3}(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Boulevard|Blvd\\.?|Lane|Ln\\.?|Drive|Parkway|Highway|Terrace|Court|Circle|Trail)(?![\\p{L}])`, 'gu'),
  // continental forms with a house number before or after, any case: Rua Diadema 1903, Via Roma 131, "via dei
  // fiorentini 17", "36 rue de pologne"; never the English preposition ("via the back door and then 3 blocks")
  new RegExp(`(?<![\\p{L}])(?:\\d{1,6}\\s+(?:rua|rue|via|calle|avenida|av\\.|avenue de|chemin|piazza|plaza|strada|ulica|ul\\.)\\s+(?:(?:de|da|do|dos|das|del|la|le|des|du)\\s+)?(?:[\\p{L}'-]+\\s){0,3}?[\\p{L}'-]+|(?:\\d{1,6}\\s+)?(?:rua|rue|via|calle|avenida|av\\.|avenue de|chemin|piazza|plaza|strada|ulica|ul\\.)\\s+(?:(?:de|da|do|dos|das|del|la|le|des|du)\\s+)?(?:${NOT_ENGLISH}[\\p{L}'-]+\\s){0,5}?${NOT_ENGLISH}[\\p{L}'-]+\\s+\\d{1,5}[a-z]?)${UNIT}?`, 'giu'),
  new RegExp(`(?:\\b\\d{1,6}\\s+)?(?<![\\p{L}])[\\p{Lu}][\\p{L}-]*(?:straße|strasse|str\\.|gasse|weg|laan|straat|gracht|plein|katu|tie|vägen|gatan|gade|vej|veien|gata|utca|ulice|vegur|stræde|allee|platz|ring|dijk)\\s+\\d{1,5}[a-z]?${UNIT}?`, 'giu'),
  /\b(?:p\.?\s?o\.?\s?box|psc|unit)\s+\d{1,6}(?:,\s*box\s+\d+)?(?:\s*\n?\s*(?:apo|fpo|dpo)\s+[A-Z]{2}\s+\d{5})?/gi,
  new RegExp(`(?<![\\p{L}])(?:apt\\.?|apartment|suite|ste\\.?|unit)\\s*#?\\s*\\d{1,5}[A-Za-z]?\\b`, 'giu'),
  // ", Springfield, IL 62704" / "IL 62704"
  /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/g,
  // 6750 Koskikatu 25, 4844 Søndergade 52: house/building numbers around capitalised street words
  new RegExp(`\\b\\d{1,6}[ \\t]+(?:[\\p{Lu}][\\p{L}.'-]*[ \\t]+){1,3}\\d{1,5}[a-z]?\\b\\.?${UNIT}?`, 'gu'),
  new RegExp(`(?<![\\p{L}])(?:\\d{1,6}[ \\t]+)?(?:[\\p{L}][\\p{L}.'-]*[ \\t]+){1,3}(?:u\\.|str\\.|tér|útja|utca|gate|gata|vei|veien|avda\\.|straat|laan|vej)[ \\t]+\\d{1,5}[a-z]?\\b\\.?`, 'giu'),
  /\b(?:zip code|zipcode|zip|postcode|postal code)(?:\s+is)?\s*:?\s*([A-Z0-9][A-Z0-9 -]{2,9}[A-Z0-9])\b/gi,
  // "the corner of Beiteveien 2 and Sieda Radial"
  /\bthe corner of\s+[^.?!\n]{3,60}?(?=\s+(?:in|for|after|before|the|in case)\b|[.?!,]\s|[.?!\n]|$)/gi,
  // military and ship addresses: "USNS Bergman\nFPO AP 93757", "Unit 1009 Box 0219\nDPO AP 51065"
  /\b(?:usns|usnv|uss|uscgc|psc|unit)\s+[\p{L}\d]+(?:,?\s+box\s+\d+)?[\s,]+(?:fpo|apo|dpo)\s+[a-z]{2}\s+\d{5}\b/giu,
  // continental forms without a number: a capitalised street word and capitalised name ("Via Roma", "Rua do Sol"),
  // never the preposition ("via email", "via the back door")
  new RegExp(`(?<![\\p{L}])(?:Rua|Rue|Via|Calle|Avenida|Av\\.|Avenue de|Chemin|Piazza|Plaza|Strada|Ulica|ul\\.)\\s+(?:(?:de|da|do|dos|das|del|la|le|des|du)\\s+)?[\\p{Lu}][\\p{L}'-]*(?:\\s+[\\p{Lu}][\\p{L}'-]*){0,3}`, 'gu'),
];
const AGE_GROUP = AGE_RES.map((re) => (re.source.includes('(\\d{1,3})') || re.source.includes('(\\d{1,2}|') ? 1 : 0));
const AGE_WORD_GROUP = AGE_WORD_RES.map((re) => (re.source.includes('\\s+(') ? 1 : 0));
const ADDRESS_GROUP = ADDRESS_RES.map((re) => (re.source.startsWith('\\b(?:zip') ? 1 : 0));
/** The address patterns above that can match a text without any digit (every other one needs one). */
const ADDRESS_RES_WITHOUT_DIGITS: ReadonlySet<RegExp> = new Set([ADDRESS_RES[1]!, ADDRESS_RES[9]!, ADDRESS_RES[10]!, ADDRESS_RES[12]!]);

const ON_STREET = /\b(?:on|at|to)\s+((?!(?:Type|Stage|Level|Room|Page|Chapter|Grade|Section|Step|Day|Week|Phase|Floor|Gate|Version|Covid|Tier|Plan|Part|Unit|Bed|Exit|Route|Highway)\b)\p{Lu}[\p{L}'-]*(?:[ \t]+[\p{L}'-]+){0,3}[ \t]+\d{1,5}[a-z]?)\b(?![.,:]\d|\s*(?:am|pm|mg|%|percent|years?|yrs?|minutes|hours|days|weeks|months))/gu;

/** Cues after which a following line of numbers and capitalised words is an address even without a street word. */
const ADDRESS_CUE =
  /\b(?:address(?:es)?(?: is| to| with| was)?|lives? (?:at|on)|lived (?:at|in)|located at|sent to|send (?:it|this|them) to|meet (?:me|you) at|taxi to|moved to|it's in|it is|her address|his address|here they are)\s*[:,]?\s*/gi;

// ---- Pre-checks. Each is a necessary condition for a match of the pattern it guards (a cheap scan for a substring
// every match contains), so skipping the pattern when it fails changes nothing; most posts fail them all. ----

/** EMAIL needs "@" followed by a domain label and a dot. */
const EMAIL_TAIL = /[\p{L}\p{N}-]+\./uy;
function mayHaveEmail(text: string): boolean {
  for (let p = text.indexOf('@'); p >= 0; p = text.indexOf('@', p + 1)) {
    EMAIL_TAIL.lastIndex = p + 1;
    if (EMAIL_TAIL.test(text)) return true;
  }
  return false;
}
const WWW = /www\./i;
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** URL needs "://" or "www." (first form), or a domain label's last character, a dot and a top-level domain letter. */
function mayHaveUrl(text: string): boolean {
  if (text.includes('://') || WWW.test(text)) return true;
  for (let p = text.indexOf('.'); p >= 0; p = text.indexOf('.', p + 1)) {
    const a = text.charCodeAt(p - 1);
    if ((isAsciiLetter(a) || (a >= 48 && a <= 57) || a === 45) && isAsciiLetter(text.charCodeAt(p + 1))) return true;
  }
  return false;
}
/** IPV6 findings are kept only with 3+ colons, so the text needs 3 of them. */
function hasThreeColons(text: string): boolean {
  const a = text.indexOf(':');
  if (a < 0) return false;
  const b = text.indexOf(':', a + 1);
  return b >= 0 && text.indexOf(':', b + 1) >= 0;
}
/** MONTH_ALONE findings are kept only when the month starts with a capital: the first three letters of one. */
const MONTH_CAPITALISED = /J[aA][nN]|J[uU][nNlL]|F[eE][bB]|M[aA][rRyY]|A[pP][rR]|A[uU][gG]|S[eE][pP]|O[cC][tT]|N[oO][vV]|D[eE][cC]/;
/** Every weekday name ends in "day". */
const DAY_WORD = /day/i;
/** Pre-checks for single address patterns (same flags as the pattern, so case folding agrees). */
const ADDRESS_PRECHECK = new Map<RegExp, RegExp>([
  [ADDRESS_RES[8]!, /(?:u\.|str\.|tér|útja|utca|gate|gata|vei|veien|avda\.|straat|laan|vej)[ \t]+\d/iu],
  [ADDRESS_RES[11]!, /(?:fpo|apo|dpo)\s+[a-z]{2}\s+\d/iu],
]);

/** `prechecks: false` runs every pattern regardless (tests compare the two). */
export function findPatterns(text: string, prechecks = true): Found[] {
  const runAll = !prechecks;
  const out: Found[] = [];
  // Cheap pre-checks: most posts have no digit, '@' or ':', and almost every pattern below needs one of them.
  const hasDigit = /\d/.test(text);
  if (text.includes('@') && (runAll || mayHaveEmail(text))) out.push(...all(EMAIL, text, 'email', 2));
  if ((text.includes('.') || text.includes(':')) && (runAll || mayHaveUrl(text))) out.push(...all(URL, text, 'url', 2));
  if (hasDigit) out.push(...all(IPV4, text, 'id', 2));
  if (runAll ? text.includes(':') : hasThreeColons(text)) out.push(...all(IPV6, text, 'id', 2).filter((f) => (text.slice(f.start, f.end).match(/:/g) ?? []).length >= 3));
  if (hasDigit) {
    out.push(...all(SSN, text, 'id', 2));
    out.push(...all(ID_KEYWORD, text, 'id', 2, 1).filter((f) => /\d/.test(text.slice(f.start, f.end))));
    out.push(...all(IBAN, text, 'id', 2));
    out.push(...all(CARD, text, 'id', 2));
    for (const re of DATE_RES) out.push(...all(re, text, 'date', 2));
    // Month + year: a date element (masked), but not a day-level date.
    out.push(...all(MONTH_YEAR, text, 'date', 1));
    out.push(...all(ORDINAL_DAY, text, 'date', 1));
  }
  if (runAll || MONTH_CAPITALISED.test(text)) out.push(...all(MONTH_ALONE, text, 'date', 1, 1).filter((f) => /^\p{Lu}/u.test(text.slice(f.start, f.end))));
  if (hasDigit) {
    out.push(...all(YEAR_DOB, text, 'date', 2, 1));
    for (let k = 0; k < AGE_RES.length; k++) out.push(...all(AGE_RES[k]!, text, 'age', 1, AGE_GROUP[k]));
    for (const f of all(PHONE, text, 'phone', 2)) {
      const s = text.slice(f.start, f.end);
      const digits = s.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15) continue;
      const seps = /[\s.-]/.test(s.replace(/^\+\d{1,3}/, ''));
      const ctx = PHONE_CONTEXT.test(text.slice(Math.max(0, f.start - 40), f.start));
      // Long unseparated digit runs are ids unless worded as a phone.
      if (!seps && !s.startsWith('+') && !ctx && digits !== 10 && digits !== 11) continue;
      out.push(f);
    }
  }
  const addrs: Found[] = [];
  for (let k = 0; k < ADDRESS_RES.length; k++) {
    const re = ADDRESS_RES[k]!;
    const pre = ADDRESS_PRECHECK.get(re);
    if ((hasDigit || ADDRESS_RES_WITHOUT_DIGITS.has(re)) && (runAll || pre === undefined || pre.test(text))) addrs.push(...all(re, text, 'address', 2, ADDRESS_GROUP[k]));
  }
  if (hasDigit) {
    addrs.push(...findCuedAddresses(text));
    addrs.push(...all(ON_STREET, text, 'address', 1, 1));
  }
  for (const a of addrs) out.push(extendAddress(text, a));
  if (hasDigit) {
    // Codes with letters and digits: an id when it has 3+ digits, otherwise only a weak guess ("CHADS2").
    out.push(...all(ALNUM_ID, text, 'id', 1).map((f) => ((text.slice(f.start, f.end).match(/\d/g) ?? []).length >= 3 ? f : { ...f, strength: 0 as const })));
    out.push(...all(LONG_DIGITS, text, 'id', 1));
  }
  if (runAll || DAY_WORD.test(text)) out.push(...all(WEEKDAY, text, 'date', 0));
  return out;
}

/** Which age cues a text's words hold (the person finder's tokenizer knows this for free, per distinct word). */
export interface AgeCues {
  /** A number word ("two", "seventy-two", "fifty-year-old"); "one" only beside another cue (it is mostly "one of…"). */
  numberWord: boolean;
  /** A tens number word ("forty", "seventy-two"). */
  tens: boolean;
  /** A decade word ("eighties"). */
  decade: boolean;
  /** "old" or "…-old". */
  old: boolean;
  /** "age", "aged", "turned", "turning", "turns". */
  ageVerb: boolean;
  /** A word like "father", "son", "wife" (AGE_OWNER_TOKEN). */
  owner: boolean;
}

export function noAgeCues(): AgeCues {
  return { numberWord: false, tens: false, decade: false, old: false, ageVerb: false, owner: false };
}

/**
 * Ages that need a cue word: in words ("seventy-two", "a fifty-year-old", "in her eighties") and digits after a
 * person ("my father is 72", "my son (4)", "a 6 week old"). Kept out of findPatterns: each pattern runs only when
 * the words it needs are in the text, which the caller already knows (entities.ts passes the tokenizer's cues).
 */
export function findCuedAges(text: string, cues: AgeCues): Found[] {
  const out: Found[] = [];
  const use = [cues.numberWord && cues.old, cues.numberWord && cues.ageVerb, cues.numberWord && cues.owner, cues.tens, cues.decade];
  for (let k = 0; k < AGE_WORD_RES.length; k++) if (use[k]) out.push(...all(AGE_WORD_RES[k]!, text, 'age', 1, AGE_WORD_GROUP[k]));
  if (!(cues.old || cues.owner || text.includes('(')) || !/\d/.test(text)) return out;
  if (cues.old) out.push(...all(AGE_CUED_RES[0]!, text, 'age', 1, AGE_CUED_GROUP[0]));
  if (cues.owner) out.push(...all(AGE_CUED_RES[1]!, text, 'age', 1, AGE_CUED_GROUP[1]));
  if (PAREN_DIGIT.test(text)) out.push(...all(AGE_CUED_RES[2]!, text, 'age', 1, AGE_CUED_GROUP[2]));
  return out;
}

function findCuedAddresses(text: string): Found[] {
  const out: Found[] = [];
  ADDRESS_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ADDRESS_CUE.exec(text))) {
    const start = m.index + m[0].length;
    // Take the run of address-like tokens: numbers, capitalised words, unit words, commas, newlines.
    const rest = text.slice(start, start + 160);
    const run = /^(?:(?:\d[\w-]*|[\p{Lu}][\p{L}'’.-]*|(?:apt|suite|ste|unit|box|de|da|do|del|la|le|des|du|z|u|van|von|der)\.?)[ \t]*(?:,?[ \t]*\n?[ \t]*|,[ \t]*))+/u.exec(rest);
    if (!run) continue;
    let span = run[0].replace(/[\s,]+$/, '');
    if (!/\d/.test(span)) continue;
    if (span.length < 4) continue;
    span = span.replace(/[.]$/, '');
    out.push({ type: 'address', start, end: start + span.length, strength: 2 });
  }
  return out;
}

/** Extend an address over continuation lines: "\n Suite 321\n LONDON\n United Kingdom 75419". */
const CONT_LINE = /^[ \t]*,?[ \t]*(?:(?:\r?\n[ \t>]*)+|,)[ \t]*,?[ \t]*((?:apt\.?|apartment|suite|ste\.?|unit|box|[\p{Lu}\d])[^\n:@]{0,40}?)[ \t]*(?=\r?\n|,|$)/iu;
function extendAddress(text: string, a: Found): Found {
  let end = a.end;
  let start = a.start;
  const back = /(?:^|[\s>:,])(\d{1,6}[ \t]+)$/.exec(text.slice(Math.max(0, start - 10), start));
  if (back && /^\d/.test(text.slice(start))) start -= back[1]!.length;
  for (let n = 0; n < 5; n++) {
    const m = CONT_LINE.exec(text.slice(end, end + 80));
    if (!m) break;
    const line = m[1]!;
    // a continuation is short, has no sentence punctuation, and is mostly capitalised words or numbers
    if (/\d{3}[ .-]\d{3}|office|fax|mobile|phone/i.test(line)) break;
    if (/[.!?]\s|\b(?:the|and|is|are|was|for|to|of|please|can|you)\b/.test(line) && !/^(?:apt|suite|ste|unit|box)/i.test(line)) break;
    end += m[0].length;
  }
  return end === a.end && start === a.start ? a : { ...a, start, end };
}
