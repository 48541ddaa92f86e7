// inaccurate: the text (or a directory listing's structured facts) contradicts the practice's facts: a wrong
// phone / address / website presented as the practice's, wrong opening days or times, a provider who is not
// (or no longer) there presented as being there, insurance contradictions. Pure; reasons carry no item text.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Entity, Flag, ListingFacts, PracticeFacts } from '../core/types.ts';
import { findEntities } from './entities.ts';

// ---------- normalisation ----------

export function normalizePhone(p: string): string {
  let d = p.replace(/\D/g, '');
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  return d;
}

const ADDRESS_WORDS: Record<string, string> = {
  st: 'street', str: 'street', ave: 'avenue', av: 'avenue', rd: 'road', blvd: 'boulevard', dr: 'drive', ln: 'lane', ct: 'court',
  pl: 'place', pkwy: 'parkway', hwy: 'highway', ste: 'suite', apt: 'apartment', fl: 'floor', n: 'north', s: 'south', e: 'east',
  w: 'west', ne: 'northeast', nw: 'northwest', se: 'southeast', sw: 'southwest', cir: 'circle', ter: 'terrace', sq: 'square',
};

export function normalizeAddress(a: string): string {
  return a
    .toLowerCase()
    .replace(/#\s*/g, 'suite ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ADDRESS_WORDS[w] ?? w)
    .join(' ');
}

/** The street line ("1200 maple grove avenue") of a normalised address. */
function streetLine(a: string): string {
  const m = /^\d+[a-z]?(?:\s+\S+){1,5}?\s+(?:street|avenue|road|boulevard|drive|lane|court|place|parkway|highway|circle|terrace|square|way|trail|loop|plaza|pike)\b/.exec(a);
  return m ? m[0] : a.split(/\s+suite\s+|\s+apartment\s+/)[0]!.split(' ').slice(0, 4).join(' ');
}

export function sameAddress(a: string, practice: PracticeFacts): boolean {
  const na = normalizeAddress(a);
  const sa = streetLine(na);
  return practice.addresses.some((p) => {
    const np = normalizeAddress(p);
    return np === na || np.includes(sa) || na.includes(streetLine(np));
  });
}

function host(u: string): string {
  try {
    return new URL(/^https?:\/\//i.test(u) ? u : `https://${u}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return u.toLowerCase().replace(/^www\./, '');
  }
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
const SCHEMA_DAY: Record<string, Day> = { mo: 'mon', tu: 'tue', we: 'wed', th: 'thu', fr: 'fri', sa: 'sat', su: 'sun' };

function normRanges(s: string): string {
  const t = s.trim().toLowerCase();
  if (!t || t === 'closed') return 'closed';
  return t
    .split(/\s*,\s*/)
    .map((r) => r.replace(/\b(\d):/g, '0$1:').replace(/\s*-\s*/, '-'))
    .sort()
    .join(',');
}

/** schema.org openingHours ("Mo-Fr 08:00-17:00", "Sa 09:00-12:00", "Mo,We 09:00-17:00") → per-day ranges. */
export function parseOpeningHours(specs: readonly string[]): Partial<Record<Day, string>> {
  const out: Partial<Record<Day, string[]>> = {};
  for (const spec of specs) {
    for (const part of spec.split(/\s*;\s*/)) {
      const m = /^\s*([A-Za-z,\s-]+?)\s+((?:\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s*,?\s*)+|closed|off)\s*$/i.exec(part);
      if (!m) continue;
      const days: Day[] = [];
      for (const seg of m[1]!.split(/\s*,\s*/)) {
        const [a, b] = seg.split(/\s*-\s*/).map((x) => SCHEMA_DAY[x.slice(0, 2).toLowerCase()]);
        if (!a) continue;
        if (!b) days.push(a);
        else for (let i = DAYS.indexOf(a); ; i = (i + 1) % 7) {
          days.push(DAYS[i]!);
          if (DAYS[i] === b) break;
        }
      }
      const ranges = /closed|off/i.test(m[2]!) ? 'closed' : m[2]!.trim().replace(/,\s*$/, '');
      for (const d of days) (out[d] ??= []).push(ranges);
    }
  }
  const res: Partial<Record<Day, string>> = {};
  for (const d of DAYS) if (out[d]) res[d] = normRanges(out[d]!.filter((r) => r !== 'closed').join(',') || 'closed');
  return res;
}

function hoursDiffer(listing: readonly string[], practice: PracticeFacts): boolean {
  const parsed = parseOpeningHours(listing);
  if (Object.keys(parsed).length === 0) return false;
  for (const d of DAYS) {
    const conf = practice.hours[d];
    if (conf === undefined) continue;
    if (normRanges(conf) !== (parsed[d] ?? 'closed')) return true;
  }
  return false;
}

// ---------- listing facts ----------

function checkListing(facts: ListingFacts, practice: PracticeFacts): Flag[] {
  const flags: Flag[] = [];
  const known = new Set(practice.phones.map(normalizePhone));
  if (facts.telephone?.some((t) => normalizePhone(t).length >= 7 && !known.has(normalizePhone(t)))) {
    flags.push(flag('high', 'inaccurate.listing_phone', 'a listing shows a phone number that is not one of the practice’s'));
  }
  if (facts.address?.some((a) => a.trim() && !sameAddress(a, practice))) {
    flags.push(flag('high', 'inaccurate.listing_address', 'a listing shows an address that is not the practice’s'));
  }
  if (facts.openingHours && facts.openingHours.length > 0 && hoursDiffer(facts.openingHours, practice)) {
    flags.push(flag('medium', 'inaccurate.listing_hours', 'a listing shows opening hours that differ from the practice’s'));
  }
  if (facts.url && practice.website && host(facts.url) !== host(practice.website)) {
    flags.push(flag('medium', 'inaccurate.listing_website', 'a listing links to a website that is not the practice’s'));
  }
  return flags;
}

// ---------- claims in text ----------

/** Facts derived from the practice once (practice objects are long-lived config), not per item. */
interface Derived {
  knownPhones: Set<string>;
  knownLast7: Set<string>;
  /** Closing times (minutes after midnight) of the configured open days. */
  closes: Set<number>;
  former: { name: string; re: RegExp }[];
  /** Lower-cased insurance names that can match (length > 1 after trimming). */
  insuranceNames: string[];
}
const derivedCache = new WeakMap<PracticeFacts, Derived>();
function derived(practice: PracticeFacts): Derived {
  let d = derivedCache.get(practice);
  if (d) return d;
  const knownPhones = new Set(practice.phones.map(normalizePhone));
  if (practice.contact_phone) knownPhones.add(normalizePhone(practice.contact_phone));
  const closes = new Set<number>();
  for (const day of DAYS) {
    const h = practice.hours[day];
    if (!h || normRanges(h) === 'closed') continue;
    for (const r of normRanges(h).split(',')) {
      const end = r.split('-')[1];
      if (end) closes.add(Number(end.slice(0, 2)) * 60 + Number(end.slice(3, 5)));
    }
  }
  const current = new Set(practice.providers.filter((p) => p.current).map((p) => surname(p.name)));
  const former = practice.providers
    .filter((p) => !p.current)
    .map((p) => surname(p.name))
    .filter((s) => s.length > 1)
    .map((name) => ({ name, re: new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }));
  d = {
    knownPhones,
    knownLast7: new Set([...knownPhones].map((p) => p.slice(-7))),
    closes,
    former: former.filter((f) => !current.has(f.name)),
    insuranceNames: [...practice.insurance_accepted, ...practice.insurance_not_accepted].filter((n) => n.trim().length > 1).map((n) => n.toLowerCase()),
  };
  derivedCache.set(practice, d);
  return d;
}

const PHONE_CLAIM =
  /\b(?:call(?: (?:them|the office|the clinic|the practice|their office|the front desk|us))?|their (?:phone|number|office number|phone number)|(?:phone|office|clinic|practice)(?: number)?(?: is|:)|number (?:is|to call)|reach (?:them|the office)|text them|new number)\b[^.!?\n]{0,25}$/i;
const NOT_THEIRS = /\b(?:my|me|mine|our home|cell|personal)\b[^.!?\n]{0,20}$/i;
const ADDRESS_CLAIM = /\b(?:they(?:'re| are)?(?: now)? (?:at|on|located)|located (?:at|on)|(?:their|the) (?:office|clinic|practice|address)(?: is)?(?: now)?(?: at| on|:)?|moved to|address is|find them (?:at|on))\b[^.!?\n]{0,15}$/i;
const WEB_CLAIM = /\b(?:their (?:web)?site|website|book (?:online )?(?:at|on|through)|visit|go to|check out)\b[^.!?\n]{0,20}$/i;

const DAY_WORDS: [RegExp, Day[]][] = [
  [/mondays?/i, ['mon']], [/tuesdays?/i, ['tue']], [/wednesdays?/i, ['wed']], [/thursdays?/i, ['thu']], [/fridays?/i, ['fri']],
  [/saturdays?/i, ['sat']], [/sundays?/i, ['sun']], [/weekends?/i, ['sat', 'sun']], [/weekdays?/i, ['mon', 'tue', 'wed', 'thu', 'fri']],
];
const DAY_ALT = 'mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|weekdays?';
const CLOSED_CLAIM = new RegExp(
  `\\b(?:(?:they(?:'re| are)?|office is|clinic is|practice is|it'?s)\\s+)?(?:closed|not open|never open|(?:do not|don't|dont|doesn't|never) open|aren't open|isn't open)\\s+(?:on\\s+|all\\s+|every\\s+)?(${DAY_ALT})\\b`,
  'gi',
);
const OPEN_CLAIM = new RegExp(
  `\\b(?:(?:they(?:'re| are)?|they're|office is|clinic is|it'?s|they)\\s+)?(?:open|opens|have hours|see patients)\\s+(?:on\\s+|every\\s+|all\\s+)?(${DAY_ALT})\\b`,
  'gi',
);
const NEGATED_BEFORE = /\b(?:not|never|isn't|aren't|don't|doesn't|wish|if|whether|are they|is it|hope)\b[^.!?\n]{0,12}$/i;
const CLOSE_TIME = /\b(?:close[sd]?|closing|open (?:until|till|til)|until|till)\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/gi;

function dayClaims(text: string, lower: string, hasDigit: boolean, practice: PracticeFacts): Flag[] {
  const flags: Flag[] = [];
  // Every day word contains "day" or "weekend"; every closing time has a digit.
  const dayWords = lower.includes('day') || lower.includes('weekend');
  if (!dayWords && !hasDigit) return flags;
  const daysOf = (w: string): Day[] => DAY_WORDS.find(([re]) => re.test(w))?.[1] ?? [];
  const state = (d: Day): 'open' | 'closed' | 'unknown' => {
    const h = practice.hours[d];
    if (h === undefined) return 'unknown';
    return normRanges(h) === 'closed' ? 'closed' : 'open';
  };
  let m: RegExpExecArray | null;
  CLOSED_CLAIM.lastIndex = 0;
  while (dayWords && (m = CLOSED_CLAIM.exec(text))) {
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)) || /\?/.test(text.slice(m.index, m.index + m[0].length + 30).split(/[.!\n]/)[0]!)) continue;
    if (daysOf(m[1]!).some((d) => state(d) === 'open')) {
      flags.push(flag('medium', 'inaccurate.hours', 'says the practice is closed on a day it is open'));
      return flags;
    }
  }
  OPEN_CLAIM.lastIndex = 0;
  while (dayWords && (m = OPEN_CLAIM.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (NEGATED_BEFORE.test(before) || /\?/.test(text.slice(m.index).split(/[.!\n]/)[0]!)) continue;
    if (/\b(?:not|n't|never)\s*$/i.test(before)) continue;
    const days = daysOf(m[1]!);
    if (days.length > 0 && days.every((d) => state(d) === 'closed')) {
      flags.push(flag('medium', 'inaccurate.hours', 'says the practice is open on a day it is closed'));
      return flags;
    }
  }
  // "they close at 3", "open until 9pm": a closing time no configured day has.
  const { closes } = derived(practice);
  if (hasDigit && closes.size > 0 && /\b(?:they|office|clinic|practice|it)\b/i.test(text)) {
    CLOSE_TIME.lastIndex = 0;
    while ((m = CLOSE_TIME.exec(text))) {
      const ctx = text.slice(Math.max(0, m.index - 40), m.index);
      if (!/\b(?:they|office|clinic|practice|it|doors|front desk)\b/i.test(ctx) && !/^close/i.test(m[0])) continue;
      if (NEGATED_BEFORE.test(ctx.slice(-15))) continue;
      let h = Number(m[1]);
      const min = Number(m[2] ?? 0);
      const ap = (m[3] ?? '').toLowerCase();
      if (h > 24 || min > 59) continue;
      if (ap.startsWith('p') && h < 12) h += 12;
      else if (!ap && h >= 1 && h <= 8) h += 12; // "close at 5" means 5 pm
      const t = h * 60 + min;
      if (!closes.has(t)) {
        flags.push(flag('medium', 'inaccurate.hours', 'states a closing time the practice does not have'));
        return flags;
      }
    }
  }
  return flags;
}

function surname(name: string): string {
  const words = name.replace(/,.*$/, '').replace(/\b(?:dr|md|do|np|pa)\b\.?/gi, ' ').trim().split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase();
}

const PAST_CONTEXT = /\b(?:used to|left|retired|no longer|not there anymore|isn't there|moved away|moved on|was|were|had|miss|passed|former|formerly|before|back when|gone|departed)\b/i;
const PROVIDER_THERE = /\b(?:works? (?:there|here|at)|is (?:still )?(?:there|here|at|with|taking)|see(?:ing)?|book(?:ed)? with|appointment with|ask for|is (?:great|the best|amazing|wonderful|awesome)|their (?:new )?doctor|practices? (?:there|here)|is accepting|takes new patients)\b/i;

function providerClaims(text: string, lower: string, practice: PracticeFacts): Flag[] {
  // Only former providers (who are not also current under the same surname) that the text mentions at all.
  const former = derived(practice).former.filter((f) => lower.includes(f.name));
  if (former.length === 0) return [];
  for (const sentence of text.split(/(?<=[.!?\n])\s+/)) {
    const low = sentence.toLowerCase();
    for (const { re } of former) {
      if (!re.test(low)) continue;
      if (PAST_CONTEXT.test(sentence)) continue;
      if (PROVIDER_THERE.test(sentence) || /\b(?:is|are|'s)\b/.test(low)) {
        return [flag('medium', 'inaccurate.provider', 'presents a provider who has left as still at the practice')];
      }
    }
  }
  return [];
}

const NEG_TAKE = /\b(?:don't|do not|doesn't|does not|won't|will not|no longer|stopped|not|never|refuse to|refused to|can't|cannot)\s+(?:\w+\s+)?(?:take|takes|taking|accept|accepts|accepting|in[- ]network|covered)\b/i;
const POS_TAKE = /\b(?:take|takes|taking|accept|accepts|accepted|in[- ]network with|they're in[- ]network|covered by|works with|bills?)\b/i;

function insuranceClaims(text: string, lower: string, practice: PracticeFacts): Flag[] {
  // A claim needs one of the configured insurance names somewhere in the text.
  if (!derived(practice).insuranceNames.some((n) => lower.includes(n))) return [];
  for (const sentence of text.split(/(?<=[.!?\n])\s+/)) {
    if (/\?/.test(sentence)) continue;
    const low = sentence.toLowerCase();
    const has = (n: string) => n.trim().length > 1 && low.includes(n.toLowerCase());
    if (NEG_TAKE.test(sentence) && practice.insurance_accepted.some(has)) {
      return [flag('medium', 'inaccurate.insurance', 'says the practice does not take an insurance it accepts')];
    }
    if (!NEG_TAKE.test(sentence) && POS_TAKE.test(sentence) && practice.insurance_not_accepted.some(has) &&
      !practice.insurance_accepted.some((a) => has(a) && practice.insurance_not_accepted.some((n) => a.toLowerCase().includes(n.toLowerCase())))) {
      return [flag('medium', 'inaccurate.insurance', 'says the practice takes an insurance it does not accept')];
    }
  }
  return [];
}

function contactClaims(text: string, entities: readonly Entity[], practice: PracticeFacts): Flag[] {
  const flags: Flag[] = [];
  const { knownPhones: known, knownLast7 } = derived(practice);
  for (const e of entities) {
    if (e.type !== 'phone' && e.type !== 'address' && e.type !== 'url') continue;
    const before = text.slice(Math.max(0, e.start - 60), e.start);
    const value = text.slice(e.start, e.end);
    if (e.type === 'phone' && PHONE_CLAIM.test(before) && !NOT_THEIRS.test(before)) {
      const n = normalizePhone(value);
      const ok = known.has(n) || (n.length === 7 && knownLast7.has(n));
      if (!ok && !flags.some((f) => f.code === 'inaccurate.phone')) {
        flags.push(flag('medium', 'inaccurate.phone', 'gives a phone number for the practice that is not one of its numbers'));
      }
    } else if (e.type === 'address' && ADDRESS_CLAIM.test(before) && !NOT_THEIRS.test(before) && /\d/.test(value)) {
      if (!sameAddress(value, practice) && !flags.some((f) => f.code === 'inaccurate.address')) {
        flags.push(flag('medium', 'inaccurate.address', 'gives an address for the practice that is not its address'));
      }
    } else if (e.type === 'url' && practice.website && WEB_CLAIM.test(before)) {
      const h = host(value);
      if (h !== host(practice.website) && !flags.some((f) => f.code === 'inaccurate.website')) {
        flags.push(flag('medium', 'inaccurate.website', 'gives a website for the practice that is not its website'));
      }
    }
  }
  return flags;
}

function flag(severity: Flag['severity'], code: string, reason: string): Flag {
  return { category: 'inaccurate', severity, code, reason };
}

/**
 * `entities`: the text's entities when the caller already has them. An empty list is taken as "none found" only
 * when `entitiesComplete` (analyze's context); otherwise the finder runs here.
 */
export function detectInaccurate(input: DetectorInput, practice: PracticeFacts, entities?: readonly Entity[], entitiesComplete = false): Flag[] {
  const flags: Flag[] = [];
  if (input.facts) flags.push(...checkListing(input.facts, practice));
  const text = input.text ?? '';
  if (!text.trim()) return flags;
  const ents = entities && (entities.length > 0 || entitiesComplete) ? entities : findEntities(text, practice);
  const lower = text.toLowerCase();
  const hasDigit = /\d/.test(text);
  flags.push(
    ...contactClaims(text, ents, practice),
    ...dayClaims(text, lower, hasDigit, practice),
    ...providerClaims(text, lower, practice),
    ...insuranceClaims(text, lower, practice),
  );
  return flags;
}

export const inaccurateDetector: DetectorDefinition = {
  id: 'inaccurate',
  version: 1,
  category: 'inaccurate',
  detect(input, ctx) {
    // The practice's own posts state its facts by definition only when they match; they are checked too.
    // analyze's detailed entities are the complete result of the finder (possibly empty): no second run.
    if (ctx.detailedEntities) return detectInaccurate(input, ctx.practice, ctx.detailedEntities, true);
    return detectInaccurate(input, ctx.practice, ctx.entities);
  },
};
