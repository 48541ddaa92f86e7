// The reply checker: is this public reply safe to post? Catches replies that confirm (or deny) a patient
// relationship, carry an identifier or health detail, echo the post, give medical advice, or argue.
// Pure and synchronous. Offsets are JS string indices into the reply, end exclusive.
// Messages never quote the reply or the post: the offsets say where the problem is.
import type { Entity, PracticeFacts } from '../core/types.ts';
import { HEALTH_TERMS, ECHO_IGNORE } from './lexicon.ts';
import { formatHours } from './templates.ts';
import { findEntities } from '../detectors/entities.ts';
import { foldSameLength, RELATIONSHIP_RULES } from '../detectors/text/relationship.ts';

export type ReplyProblemCode =
  | 'confirms_relationship'
  | 'identifier'
  | 'health_detail'
  | 'echoes_post'
  | 'medical_advice'
  | 'argumentative';

export const REPLY_PROBLEM_CODES: readonly ReplyProblemCode[] = [
  'confirms_relationship', 'identifier', 'health_detail', 'echoes_post', 'medical_advice', 'argumentative',
];

export interface ReplyProblem {
  code: ReplyProblemCode;
  message: string;
  start: number;
  end: number;
}

export interface ReplyCheck {
  ok: boolean;
  problems: ReplyProblem[];
}

export type FindEntities = (text: string, practice: PracticeFacts) => Entity[];

export interface CheckReplyOptions {
  /** The post being replied to: enables the `echoes_post` check. */
  post?: string;
  practice: PracticeFacts;
  /** The entity finder; defaults to the detectors' `findEntities`. */
  findEntities?: FindEntities;
}

const defaultFindEntities: FindEntities = findEntities;

// ---------------------------------------------------------------------------------------------------------
// Text folding: lower-case and fold quotes/dashes ONE code unit for one, so offsets stay those of the reply.

const fold = foldSameLength;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------------
// Phrase rules on the folded reply.

interface Rule {
  code: ReplyProblemCode;
  message: string;
  re: RegExp;
}

const rx = (parts: readonly string[]) => new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'g');

const RULES: readonly Rule[] = [
  ...RELATIONSHIP_RULES.map((r) => ({ code: 'confirms_relationship' as const, message: r.message, re: r.re })),
  {
    code: 'health_detail',
    message: 'refers to the person\'s health, which reveals or confirms care',
    re: rx([
      '\\byour (?:recovery|condition|symptoms?|pain|diagnosis|illness|injury|injuries|medication|health issue|health problem|healing|prognosis|progress|pregnancy|baby|teeth|tooth|skin|heart|blood pressure|blood sugar|weight|mental health|wound|stitches)\\b',
      "\\b(?:hope|glad|happy|pleased|relieved) (?:to hear )?(?:that )?you(?:'re| are| feel| were| have)? (?:feeling|doing|getting|recovering|healing) (?:better|well|okay|ok|much better)\\b",
      '\\b(?:feel better|get well soon|speedy recovery|quick recovery|recover(?:s|ed)? quickly|on the mend)\\b',
      '\\b(?:is|are|be|was|were) (?:now )?(?:feeling|doing|getting|recovering|healing) (?:better|well|much better|fine)\\b',
      '\\b(?:everything|it|results?|labs?|tests?|scans?|x-?rays?|biopsy|numbers|levels) (?:looked|look|looks|came back|come back|were|was|is|are) (?:fine|normal|good|great|clear|negative|positive|abnormal|benign|within normal)\\b',
    ]),
  },
  {
    code: 'medical_advice',
    message: 'gives medical advice; advice belongs in a private conversation with a clinician',
    re: rx([
      "\\byou (?:should|must|need to|ought to|can|could|may want to|might want to|'d want to) (?:take|try|stop|start|use|apply|avoid|increase|decrease|reduce|double|skip|keep taking|continue taking|switch|ice|rest|elevate|drink|eat|gargle|rinse|massage|cut back|lay off|wait it out)\\b",
      '\\b(?:stop|start|keep|continue|try|avoid|quit) (?:taking|using|applying|eating|drinking)\\b',
      '\\b(?:increase|decrease|reduce|lower|raise|double|halve|adjust|up|cut) (?:your|the) (?:dose|dosage|medication|meds|insulin|prescription)\\b',
      '\\btake (?:\\d+|one|two|three|an?|some|more|less|extra|another|half) (?:mg|milligrams?|tablets?|pills?|capsules?|doses?|ibuprofen|tylenol|advil|aspirin|acetaminophen|benadryl|antihistamines?|antibiotics?)\\b',
      '\\b\\d+(?:\\.\\d+)? ?(?:mg|mcg|ml|milligrams?|units)\\b',
      '\\b(?:every|each) \\d+ (?:hours|hrs)\\b',
      '\\b(?:once|twice|three times) (?:a|per) day\\b',
      "\\b(?:rash|rashes|swelling|pain|bleeding|fever|symptoms?|side effects?|reaction|bruising|soreness|redness|discharge|headaches?|numbness|itching|cough|nausea|dizziness|spotting|cramping|sensitivity|discomfort|that|this|it)(?:'s| is| are| can be| should be| will be| usually| often| is usually| is often| are usually)+ (?:perfectly |completely |totally |quite |very |pretty |likely |probably )?(?:normal|common|expected|typical|harmless|nothing serious|not serious|fine|temporary)\\b",
      '\\b(?:should|will|usually|typically) (?:go away|resolve|heal|subside|clear up|improve|get better|pass) (?:on its own|by itself|in a few|within|soon|after)',
      '\\bnothing to worry about\\b',
      '\\bno need to (?:worry|be concerned|see a doctor|come in)\\b',
      "\\bit(?:'s| is) (?:perfectly |completely |totally )?(?:normal|common|expected|typical) (?:to|after|for)\\b",
      '\\bover[- ]the[- ]counter\\b',
      '\\bapply (?:ice|heat|a (?:warm|cold) compress|cream|ointment|lotion|pressure)\\b',
      '\\b(?:rinse|gargle) with\\b',
      '\\bdrink (?:plenty|lots|more) (?:of )?(?:water|fluids)\\b',
      '\\bsounds like (?:you (?:have|had|might have|may have)|an? (?:infection|allergic|reaction|virus|flu|cold|sprain|strain|migraine))',
      '\\byou (?:probably|likely|most likely|may|might) (?:have|had|need) (?:a |an )?(?:infection|allergy|allergic reaction|virus|the flu|a cold|sprain|fracture|antibiotics|stitches)\\b',
      '\\bkeep (?:it|the area|the wound|the site) (?:clean|dry|elevated|covered)\\b',
      '\\b(?:don\'t|do not) (?:take|stop taking|skip|mix)\\b',
    ]),
  },
  {
    code: 'argumentative',
    message: 'argues with or blames the poster; a public reply stays calm and general',
    re: rx([
      '\\byou (?:were|are|arrived|showed up|came in|got here|checked in) (?:\\d+ minutes |very |quite |so |extremely )?late\\b',
      "\\b(?:that|this|it|which|your review|your post|your claim|the review|this review)(?:'s| is| was) (?:simply |just |completely |totally |absolutely |entirely |not )?(?:not true|untrue|false|incorrect|inaccurate|a lie|lies|misleading|not what happened|not accurate|not the case|wrong)\\b",
      '\\bnot what (?:really |actually )?happened\\b',
      "\\byou (?:failed|refused|declined|neglected|forgot|chose|decided|didn't bother|did not bother|elected) to\\b",
      '\\byou refused\\b',
      "\\byou (?:didn't|did not|never|don't|do not) (?:show|pay|follow|call|listen|bring|arrive|cancel|come|provide|read|sign|take|tell|mention|answer|return|respond|give|update|check)\\b",
      '\\bactually\\b',
      '\\bin fact\\b',
      '\\bfrankly\\b',
      '\\bobviously\\b',
      "\\bclearly (?:you|didn't|did not|stated|states|explained|posted|marked|says|written)\\b",
      '\\bas (?:we|i|the staff|our staff|our team|the doctor|the front desk|dr\\.? [a-z]+) (?:already )?(?:told|explained|said|mentioned|informed|advised|warned|stated)(?: to)?(?: you)?\\b',
      '\\bas you (?:were told|know|are aware|well know|were informed|were advised|were warned|may recall)\\b',
      '\\byou were (?:told|informed|warned|advised|reminded|notified)\\b',
      '\\bwe (?:told|warned|informed|reminded|explained to|advised) you\\b',
      '\\b(?:told|explained|said|mentioned|made clear|pointed out) (?:this |that |it |all of this )?to you\\b',
      '\\b(?:lies|lying|liar|liars)\\b',
      '\\b(?:accusation|allegation|claim|complaint)s? (?:with|has|have) no (?:basis|merit|truth)\\b',
      '\\b(?:baseless|unfounded|groundless)\\b',
      '\\b(?:would|will) never do (?:that|such a thing|something like that)\\b',
      '\\bstop (?:posting|spreading|writing)\\b',
      '\\b(?:seems|is|looks|appears|sounds) (?:to be )?(?:fake|fabricated|made up|false|exaggerated)\\b',
      '\\byour (?:own )?fault\\b',
      "\\byou(?:'re| are| were) (?:wrong|mistaken|lying|confused|misinformed)\\b",
      '\\byou (?:were|are|became|got) (?:rude|aggressive|abusive|hostile|disrespectful|yelling|belligerent|combative|inappropriate|impatient|demanding|verbally abusive|out of line)\\b',
      '\\byou (?:yelled|screamed|cursed|swore|threatened|lied)\\b',
      '\\b(?:fake|false|fraudulent|dishonest|baseless|malicious) (?:review|reviews|claims?|accusations?|statements?|allegations?)\\b',
      '\\bdefamat\\w*',
      '\\blibel\\w*',
      '\\b(?:attorney|lawyer|legal action|legal team|legal counsel)\\b',
      '\\bsue\\b',
      '\\byou should have\\b',
      '\\bif you had (?:only )?(?:read|listened|followed|called|arrived|come|paid|checked|asked)\\b',
      '\\byou need to understand\\b',
      '\\bwe did nothing wrong\\b',
      '\\bcontrary to (?:what|your)\\b',
      '\\b(?:you|which you) (?:signed|agreed to)\\b',
      '\\byour (?:attitude|behavior|behaviour|tone|conduct|outburst)\\b',
      '\\bno-?shows?\\b',
      '\\byou missed\\b',
      '\\bunfortunately,? you\\b',
      '\\b(?:let me|let us|i want to|we want to|we need to) (?:be clear|set the record straight)\\b',
      '\\bto be clear\\b',
      '\\bfor the record\\b',
      '\\bset the record straight\\b',
      '\\bwe stand by\\b',
      '\\bwe (?:strongly )?disagree\\b',
      '\\bwe do not appreciate\\b',
      '\\bshame on you\\b',
      '\\bhow dare\\b',
      '\\byou seem to (?:forget|think|believe)\\b',
      '\\bnext time,? you\\b',
      '\\bblam(?:e|ing) (?:us|our|the staff)\\b',
      '\\bit is not our (?:fault|responsibility)\\b',
      "\\bisn't our (?:fault|responsibility)\\b",
    ]),
  },
];

const HEALTH_RE = new RegExp(`\\b(?:${HEALTH_TERMS.join('|')})\\b`, 'g');

// Identifier patterns (a backstop for the entity finder, tuned for replies).
const ID_RULES: readonly { kind: string; re: RegExp; code?: ReplyProblemCode }[] = [
  { kind: 'a phone number', re: /(?<![\d-])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?![\d-])/g },
  { kind: 'an e-mail address', re: /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g },
  { kind: 'a link', re: /\b(?:https?:\/\/|www\.)[^\s<>"')]*[^\s<>"').,;:!?]/g },
  { kind: 'an identity number', re: /\b\d{3}-\d{2}-\d{4}\b/g },
  {
    kind: 'an account, record or claim number',
    re: /\b(?:mrn|medical record|record|account|acct|claim|invoice|policy|member|patient|chart|case|ticket|reference|ref|confirmation|statement)\s?(?:#|no\.?|number|id)?\s?:?\s?#?[a-z]{0,3}\d[a-z0-9-]{2,}/g,
  },
  { kind: 'a reference number', re: /#\s?\d{3,}/g },
  { kind: 'an amount of money', re: /\$\s?\d[\d,]*(?:\.\d{1,2})?\b/g },
  { kind: 'an age', re: /\b\d{1,3}[- ]?(?:years?|yrs?)[- ]?old\b|\b(?:age|aged) \d{1,3}\b/g },
  {
    kind: 'a date',
    re: /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? of (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:last|this past|on|this|next|that) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\byesterday\b|\b(?:last|this past) (?:week|month|weekend|night|year|visit)\b|\b(?:this|that|yesterday) (?:morning|afternoon|evening)\b|\bearlier (?:today|this week)\b|\bthe \d{1,2}(?:st|nd|rd|th)\b/g,
  },
  // Any other run of 7+ digits with separators: foreign phones, card and licence numbers.
  { kind: 'a long number', re: /(?<![\w-])\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?![\w-])/g },
  { kind: 'a bank account number', re: /\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){3,}(?: ?[a-z0-9]{1,4})?\b/g },
  { kind: 'an IP address', re: /\b\d{1,3}(?:\.\d{1,3}){3}\b/g },
  { kind: 'a ZIP code', re: /\b\d{5}(?:-\d{4})?\b/g },
  {
    kind: 'a street address',
    re: /\b\d{1,6}(?: (?!(?:or|and|for|at|to|by|call|ask|the|a|an|in|on|of|with|from|our|your)\b)[a-z0-9.'-]+){1,4} (?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|court|ct|way|place|pl|terrace|circle|parkway|pkwy|highway|hwy)\b\.?/g,
  },
  { kind: 'a year', re: /\b(?:in|on|of|during|from|back in|since) (?:19|20)\d{2}\b/g },
  { kind: 'an age', re: /\b(?:you're|you are|he's|she's|he is|she is|they're|they are|turned|turning|just turned) \d{1,3}\b/g },
  { kind: 'a time', re: /\b\d{1,2}(?::\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)(?![a-z])/g },
];

/** Words that may open a reply followed by a comma without being a name. */
const OPENERS = new Set(
  ('thanks thank hello hi hey dear sorry unfortunately again please yes no well first also however friends everyone ' +
    'greetings wow oh ok okay absolutely certainly indeed sure great understood apologies regards team folks neighbors ' +
    'neighbours truly sincerely respectfully honestly friend reviewer all gosh goodness congratulations welcome').split(' '),
);

const ENTITY_KIND: Record<string, string> = {
  person: 'a name', date: 'a date', phone: 'a phone number', email: 'an e-mail address', address: 'an address',
  id: 'an identifying number', age: 'an age', url: 'a link',
};

// ---------------------------------------------------------------------------------------------------------
// The practice's own public facts: allowed anywhere in a reply.

const CRISIS = ['911', '988', 'suicide & crisis lifeline', 'suicide and crisis lifeline', 'crisis lifeline', 'crisis text line'];
const TITLES = /^(?:dr\.?|doctor|mr\.?|mrs\.?|ms\.?)\s+/i;
const digitsOf = (s: string) => s.replace(/\D/g, '');

function allowedRanges(reply: string, folded: string, practice: PracticeFacts): [number, number][] {
  const phrases = new Set<string>();
  const add = (s: string | null | undefined) => {
    const t = fold(String(s ?? '').trim());
    if (t.length >= 2) phrases.add(t);
  };
  add(practice.name);
  for (const a of practice.addresses) {
    add(a);
    for (const part of a.split(',')) if (part.trim().length >= 4) add(part);
  }
  add(practice.contact_email);
  if (practice.website) {
    add(practice.website);
    try {
      const host = new URL(practice.website).host;
      add(host);
      add(host.replace(/^www\./, ''));
    } catch {
      // not a URL: the literal is enough
    }
  }
  for (const person of [...practice.providers.map((p) => p.name), ...practice.staff]) {
    const name = person.split(',')[0]!.trim();
    add(person);
    add(name);
    const bare = name.replace(TITLES, '');
    add(bare);
    const words = bare.split(/\s+/).filter((w) => w.length >= 2);
    const last = words[words.length - 1];
    if (last) {
      add(`dr. ${last}`);
      add(`dr ${last}`);
      add(`doctor ${last}`);
      if (last.length >= 3) add(last);
    }
    if (words[0] && words[0].length >= 3) add(words[0]);
  }
  const hours = formatHours(practice.hours);
  add(hours);
  for (const part of hours.split(';')) add(part);
  for (const c of CRISIS) add(c);

  const ranges: [number, number][] = [];
  for (const p of phrases) {
    const re = new RegExp(`(?<![a-z0-9])${esc(p)}(?![a-z0-9])`, 'g');
    for (const m of folded.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  }
  // Phone numbers in any format whose digits are the practice's.
  const own = new Set([...practice.phones, practice.contact_phone].map((p) => digitsOf(p).slice(-10)).filter((d) => d.length >= 7));
  for (const m of reply.matchAll(/\+?[\d(][\d\s().-]{5,}\d/g)) {
    if (own.has(digitsOf(m[0]).slice(-10))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

const inside = (ranges: readonly [number, number][], s: number, e: number) => ranges.some(([a, b]) => s >= a && e <= b);

// ---------------------------------------------------------------------------------------------------------
// Echo: distinctive words of the post reappearing in the reply.

const TOKEN = /[a-z0-9]+(?:'[a-z]+)*/g;

function stem(w: string): string {
  let t = w.replace(/'s$/, '').replace(/'/g, '');
  if (/^\d+$/.test(t)) return t;
  if (t.length > 5 && t.endsWith('ies')) t = t.slice(0, -3) + 'y';
  else if (t.length > 4 && t.endsWith('es') && /(?:ch|sh|x|ss|z)es$/.test(t)) t = t.slice(0, -2);
  else if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('us') && !t.endsWith('is')) t = t.slice(0, -1);
  if (t.length > 5 && t.endsWith('ing')) t = t.slice(0, -3);
  else if (t.length > 4 && t.endsWith('ed')) t = t.slice(0, -2);
  return t;
}

function isContent(token: string): boolean {
  const bare = token.replace(/'/g, '');
  if (ECHO_IGNORE.has(bare) || ECHO_IGNORE.has(token) || ECHO_IGNORE.has(stem(token))) return false;
  if (/^\d+$/.test(bare)) return bare.length >= 2 || false;
  return bare.length >= 3;
}

function echoProblems(folded: string, post: string, allowed: readonly [number, number][]): ReplyProblem[] {
  const postStems = new Set<string>();
  for (const m of fold(post).matchAll(TOKEN)) if (isContent(m[0])) postStems.add(stem(m[0]));
  if (postStems.size === 0) return [];
  const out: ReplyProblem[] = [];
  let cur: { start: number; end: number } | null = null;
  for (const m of folded.matchAll(TOKEN)) {
    const s = m.index;
    const e = s + m[0].length;
    const hit = isContent(m[0]) && postStems.has(stem(m[0])) && !inside(allowed, s, e);
    if (hit) {
      // Words of one echoed phrase (only spaces/stopwords between) become one problem.
      if (cur && /^[\s,'"-]*(?:[a-z]+[\s,'"-]+)?$/.test(folded.slice(cur.end, s)) && s - cur.end <= 8) cur.end = e;
      else {
        if (cur) out.push(echo(cur));
        cur = { start: s, end: e };
      }
    }
  }
  if (cur) out.push(echo(cur));
  return out;
}

const echo = (r: { start: number; end: number }): ReplyProblem => ({
  code: 'echoes_post',
  message: 'repeats a detail from the post; a public reply never refers to what the person wrote',
  start: r.start,
  end: r.end,
});

// ---------------------------------------------------------------------------------------------------------

/** Checks a draft public reply. `ok` is true when there is no problem at all. */
export function checkReply(reply: string, opts: CheckReplyOptions): ReplyCheck {
  const text = String(reply ?? '');
  const folded = fold(text);
  const allowed = allowedRanges(text, folded, opts.practice);
  const problems: ReplyProblem[] = [];
  const push = (code: ReplyProblemCode, message: string, start: number, end: number) => {
    if (end > start && !inside(allowed, start, end)) problems.push({ code, message, start, end });
  };

  for (const rule of RULES) {
    for (const m of folded.matchAll(rule.re)) push(rule.code, rule.message, m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(HEALTH_RE)) {
    push('health_detail', 'mentions health details', m.index, m.index + m[0].length);
  }
  for (const r of ID_RULES) {
    for (const m of folded.matchAll(r.re)) {
      push('identifier', `contains ${r.kind} that is not the practice's own contact`, m.index, m.index + m[0].length);
    }
  }
  // Titles + capitalised names that are not the practice's people, and greetings by name.
  for (const m of text.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?/g)) {
    push('identifier', 'contains a name that is not one of the practice\'s people', m.index, m.index + m[0].length);
  }
  const greet = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))[\s,]+([A-Z][a-z'-]+)/i.exec(text);
  if (greet && /^[A-Z]/.test(greet[1]!) && !/^(?:there|everyone|all|friend|friends|reviewer|neighbor|neighbour|folks|team|sir|madam|valued)$/i.test(greet[1]!)) {
    const s = greet.index + greet[0].length - greet[1]!.length;
    push('identifier', 'addresses the person by name', s, s + greet[1]!.length);
  }
  // "Kevin, we're sorry…": a reply that opens with a bare name.
  const lead = /^\s*([A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?),/.exec(text);
  if (lead && !OPENERS.has(lead[1]!.toLowerCase().split(' ')[0]!)) {
    const s = lead.index + lead[0].length - 1 - lead[1]!.length;
    push('identifier', 'addresses the person by name', s, s + lead[1]!.length);
  }
  const finder = opts.findEntities ?? defaultFindEntities;
  // No catch: a checker that silently skips its identifier check would pass an unsafe reply.
  const entities: Entity[] = finder(text, opts.practice);
  for (const e of entities) {
    const start = Math.max(0, Math.floor(e.start));
    const end = Math.min(text.length, Math.ceil(e.end));
    if (e.type === 'health') push('health_detail', 'mentions health details', start, end);
    else push('identifier', `contains ${ENTITY_KIND[e.type] ?? 'an identifier'} that is not the practice's own contact`, start, end);
  }
  if (opts.post) problems.push(...echoProblems(folded, opts.post, allowed));

  return { ok: problems.length === 0, problems: dedupe(problems) };
}

/** Sorted by position; same-code problems that overlap are merged into one. */
function dedupe(problems: ReplyProblem[]): ReplyProblem[] {
  problems.sort((a, b) => a.start - b.start || b.end - a.end || a.code.localeCompare(b.code));
  const out: ReplyProblem[] = [];
  for (const p of problems) {
    const same = out.find((q) => q.code === p.code && p.start < q.end && p.end > q.start);
    if (same) same.end = Math.max(same.end, p.end);
    else out.push({ ...p });
  }
  return out;
}
