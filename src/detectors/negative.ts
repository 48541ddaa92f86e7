// `negative`: the post is negative about the practice, its staff or its care. A VADER-style lexicon score
// (healthcare-adjusted) plus complaint "aspects" that plain sentiment misses (long waits, no call-back,
// misdiagnosis, billing, rudeness, accusations of harm), and the star rating when there is one.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Flag, Severity } from '../core/types.ts';
import { negatedBefore } from './text/negation.ts';
import { scoreSentence } from './text/sentiment.ts';
import { normalize, sentences } from './text/tokenize.ts';

interface Aspect {
  code: string;
  reason: string;
  re: RegExp;
  /** Cue strength added to the (negative) text score. */
  weight: number;
  /** Skip the hit when a negator precedes it in the clause ("not rude at all"). */
  negatable?: boolean;
  /** Only counts in a sentence that is itself negative by the lexicon. */
  needsNegativeSentence?: boolean;
}

const N = String.raw`(?:not|never|no|didn't|did not|don't|do not|doesn't|does not|won't|will not|wouldn't|would not|can't|cannot|couldn't|could not)`;

const ASPECTS: readonly Aspect[] = [
  {
    code: 'negative.malpractice', reason: 'accuses the practice of harm or malpractice', weight: 4,
    re: new RegExp(String.raw`\b(?:malpractice|negligen(?:t|ce)|reckless(?:ly)?|(?:nearly|almost) (?:killed|died|lost (?:my|his|her|our))|could have (?:killed|died)|put (?:my|his|her|our) (?:life|lives|health|baby|son|daughter) (?:at risk|in danger)|endangered|botched|butcher(?:ed)?|quack|(?:lose|lost|revoke|pull) (?:his|her|their) (?:medical )?licen[sc]e|report(?:ed|ing)? (?:him|her|them|this (?:doctor|practice|office|clinic)) to (?:the )?(?:state |medical )?board|(?:filed|filing|file) (?:a )?(?:complaint|lawsuit|suit|grievance)|(?:my|a|our) (?:lawyer|attorney)|(?:should be|be|was|got|been|being) reported to (?:the )?(?:state |medical )?board|(?:going to|will|gonna|plan to|planning to) sue|permanent (?:damage|injury|nerve damage)|wrongful death|died because|should be (?:in jail|shut down|investigated)|(?:harmed|injured|hurt) (?:me|my|him|her) (?:badly|permanently|during)|left (?:me|him|her) (?:with )?(?:permanent|worse|disabled))`),
  },
  {
    code: 'negative.misdiagnosis', reason: 'says a diagnosis or treatment was wrong or missed', weight: 3,
    re: new RegExp(String.raw`\b(?:mis-?diagnos\w*|wrong (?:diagnosis|medication|meds|prescription|dose|dosage|test|leg|arm|side)|(?:missed|overlooked) (?:my |the |a |an |his |her |our )?(?:diagnosis|fracture|break|infection|tumor|cancer|appendicitis|signs?|symptoms|stroke|heart attack|blood clot)|failed to (?:diagnose|notice|catch|order|refer|treat|mention|tell)|never (?:ordered|ran|did|checked) (?:any |a |the )?(?:tests?|labs?|blood ?work|x-?rays?|imaging|scans?)|refused to (?:order|run|test|refer|prescribe|treat|see|examine|listen)|(?:another|a different|the er|the urgent care|a second|the next) (?:doctor|physician|provider|opinion|hospital)[^.!?]{0,50}\b(?:found|diagnosed|discovered|realized|told me it was|caught))`),
  },
  {
    code: 'negative.no_callback', reason: 'says calls or messages go unanswered', weight: 3,
    re: new RegExp(String.raw`\b(?:never (?:called|calls|call|got back|get back|gets back|returned|return|returns) (?:me |us |my |our )?(?:back|calls?|messages?|emails?)|never (?:got|get|received|receive|heard) (?:a |any )?(?:call|calls|response|reply|callback|call back|back|anything)|${N} (?:ever )?(?:call|return (?:my |our )?(?:calls?|messages?))(?: me| us)? back|(?:no ?one|nobody|noone) (?:ever |at the office )?(?:answers?|answered|picks? up|picked up|calls? back|called back|returns|returned|responds|responded|got back|gets back)|(?:can't|cannot|couldn't|could not|impossible to|unable to) (?:ever )?(?:get through|get a hold|get ahold|reach (?:anyone|anybody|a person|a human|them|the office|a live)|get anyone|speak to (?:anyone|a person|a human))|still waiting (?:for|on) (?:a |my |the )?(?:call|callback|response|results|reply|referral|prescription|refill)|no (?:call ?back|call-back|response|reply|follow[- ]?up) (?:from|at all|whatsoever|ever)|phone (?:just )?(?:rings|rang) (?:and rings|forever|endlessly)|(?:goes|went|straight) to (?:a full )?voice ?mail|on hold for|left (?:\w+ )?(?:several |multiple |many |numerous |countless |\d+ |two |three |four |five )(?:messages|voicemails|voice mails))`),
  },
  {
    code: 'negative.wait_time', reason: 'complains about wait times', weight: 2.5,
    negatable: true,
    re: new RegExp(String.raw`\b(?:(?:waited|waiting|wait|sat|sitting|sit)\b[^.!?]{0,40}?\b(?:over|more than|almost|nearly|about|around|an?|another|\d+|two|three|four|five|several|forever|ages)\b[^.!?]{0,12}?\b(?:hours?|hrs?|forever|ages|(?:[3-9]\d|1\d\d) ?min(?:ute)?s?)|(?:long|ridiculous|terrible|horrible|awful|excessive|insane|crazy|endless|unacceptable|outrageous|absurd|\d+[ -]hour|hour[ -]long|two[ -]hour|three[ -]hour) (?:wait|waits|wait times?|waiting times?)|wait(?:ing)?(?: times?)? (?:was|were|is|are|has been) (?:\w+ )?(?:long|ridiculous|terrible|horrible|awful|excessive|insane|crazy|unacceptable|absurd|atrocious|ridiculously long|way too long|forever)|(?:kept|left) (?:me|us|my \w+|patients|everyone) waiting|running (?:\w+ )?(?:late|behind)|\d+ (?:hours?|minutes?) (?:late|behind)|(?:an |two |three )?hours? (?:late|behind)|(?:months?|weeks?) (?:to get|for|before) (?:an |my |a )?(?:appointment|appt|visit|referral|results)|(?:double|over)[- ]?book(?:ed|s|ing)|(?:takes?|took|taking|waited?|waiting) (?:\w+ )?(?:months|weeks) (?:to|for|before)|appointment (?:takes|took) (?:\w+ )?(?:months|weeks)|left (?:alone )?in (?:the |an )?(?:exam room|room|waiting room|lobby|hallway) for|too long (?:a )?wait|plan on waiting|bring a (?:book|snack|lunch))`),
  },
  {
    code: 'negative.rudeness', reason: 'complains about rude or dismissive treatment', weight: 2.5,
    negatable: true,
    re: /\b(?:rude(?:ly|ness|st)?|condescending|dismissive|arrogant|disrespectful|belittl\w*|patroni[sz]ing|unprofessional|snotty|snippy|nasty|hostile|uncaring|unfriendly|insensitive|cold and|very cold|(?:bad|poor|terrible|horrible|awful) attitude|bedside manner (?:is |was )?(?:terrible|awful|horrible|lacking|poor|bad|non-?existent|needs work)|(?:no|zero|terrible|poor|awful|horrible) bedside manner|rushed|in and out in|treated (?:me |us |my \w+ )?(?:like|as if|poorly|badly|horribly|terribly)|short with (?:me|us|people|patients|everyone)|(?:feel|felt|feels) like (?:a|just a|another) (?:number|burden|nuisance|inconvenience)|talk(?:ed|s)? down to|yell(?:ed|s|ing)? at|snapped at|scolded|lectured|rolled (?:her|his|their) eyes|made (?:me|us) feel (?:stupid|dumb|like|worthless|rushed|ashamed|small|crazy)|brushed (?:me|us|it|my \w+) off|(?:felt|feel) (?:rushed|dismissed|ignored|unheard|brushed off)|ignored (?:me|us|my|our))\b/,
  },
  {
    code: 'negative.rudeness', reason: 'complains about rude or dismissive treatment', weight: 2.5,
    re: new RegExp(String.raw`\b(?:${N} (?:even |really |actually )?(?:listen|listened|listening|care|cared|bother(?:ed)?|look(?:ed)? at me|examine(?:d)? me|explain(?:ed)? (?:anything|much))|could(?:n't| not) care less|(?:no|zero|lack of|without any) (?:compassion|empathy|respect|sympathy|courtesy|interest)|(?:not|never) (?:very |at all )?(?:helpful|friendly|kind|nice|caring|professional|courteous|polite|welcoming|attentive|thorough))\b`),
  },
  {
    code: 'negative.billing', reason: 'complains about billing or charges', weight: 2.5,
    re: /\b(?:overcharg\w*|over-charg\w*|double[- ]?(?:bill|charg)\w*|surprise (?:bill|charge)s?|(?:sent|send|went) (?:me |us |it |my \w+ )?to collections|collections? agency|hidden (?:fees?|charges?)|billed (?:me|us|my insurance) (?:twice|for (?:a|an|something|services))|charged (?:me|us) (?:twice|for (?:a|an|something|services)|a (?:no-?show|cancellation|late) fee)|(?:bill|charge|charges|fee|fees|prices?|billing) (?:was|were|is|are) (?:outrageous|ridiculous|wrong|incorrect|insane|absurd|a nightmare|a mess|a joke)|billing (?:nightmare|mess|errors?|mistakes?|fraud|issues|problems)|(?:never|didn't|did not|failed to|forgot to|refused to|won't) (?:bill|submit to|file with|file|submit|run it through) (?:my )?insurance|scam(?:med|mers?)?|rip[- ]?(?:off)|ripped (?:me|us) off|money grab|in it for the money|only (?:cares?|care) about (?:money|the money|getting paid)|still (?:waiting for|no) (?:a |my )?refund)\b/,
  },
  {
    code: 'negative.billing', reason: 'complains about billing or charges', weight: 1.5, needsNegativeSentence: true,
    re: /\b(?:bill|billed|billing|charged|charges|fees?|insurance|copay|co-pay|refund|invoice|payment)\b/,
  },
  {
    code: 'negative.staff', reason: 'complains about the front desk or staff', weight: 1.5, needsNegativeSentence: true,
    re: /\b(?:front desk|front office|receptionists?|reception|staff|nurses?|office manager|medical assistants?|ma|scheduler|scheduling|phone|phones)\b/,
  },
  {
    code: 'negative.office', reason: 'complains about how the office is run', weight: 2.5,
    re: /\b(?:(?:terrible|horrible|awful|bad|poor|worst|rude|incompetent|disorganized|unorganized|chaotic|nonexistent|non-existent|lousy|pathetic) (?:office|front desk|front office|staff|management|office management|office staff|receptionists?|customer service|service|billing|communication|scheduling|administration|admin)|(?:is|was|are|were) (?:a )?(?:joke|mess|disaster|nightmare|zoo|circus|shambles)|lost (?:my|our|the) (?:records|paperwork|referral|results|forms|chart|samples?|file)|(?:would not|wouldn't|refused to|won't|will not) see (?:me|us|my \w+)|(?:booked|scheduled) (?:me|us) (?:on|for) (?:a day|the wrong)|(?:hard|difficult|impossible) to get (?:an appointment|a call back|a callback|through|anyone|a refill|my records)|too little time|(?:cancel(?:l?ed)?|reschedul(?:ed|ing)) (?:my|our) (?:appointment|appt|surgery|procedure) (?:again|twice|three times|last minute|the morning|the day|without))\b/,
  },
  {
    code: 'negative.not_recommended', reason: 'warns others away from the practice', weight: 3,
    re: new RegExp(String.raw`\b(?:${N} (?:\w+ )?recommend|stay (?:far )?away|avoid (?:this|him|her|them|at all costs|like the plague|dr|the)|run (?:away|far away|don't walk)|never (?:go|going|coming|be going|be back|return|returning|again|set foot)|(?:won't|will not|wouldn't|would not|never) (?:be |ever )?(?:going back|go back|come back|coming back|returning|return|be back|be seen|see (?:him|her|them) again)|(?:find|found|finding|look for|looking for|switched to|switching to|change to|changing to|had to find) (?:a |another )?(?:new |different |better |real )?(?:doctor|provider|practice|physician|pcp|dentist|office|pediatrician|clinic)|worst (?:doctor|experience|practice|office|clinic|hospital|care|service|staff|physician|medical|customer|place|ever|visit)|waste of (?:time|money|a visit|an appointment)|(?:zero|0|no|negative) stars?|one star is (?:too much|generous)|if i could (?:give|leave) (?:zero|0|no|negative|less|fewer)|(?:not|isn't|wasn't) worth (?:it|the|your|a)|buyer beware|save yourself|do yourself a favor|look elsewhere|go elsewhere|go somewhere else)\b`),
  },
];

const POSITIVE_CUES = /\b(?:highly recommend|would (?:definitely |highly )?recommend|(?:i |we )?recommend (?:him|her|them|dr|this|the)|best (?:doctor|physician|practice|office|pediatrician|care|experience|staff|dentist)|thank you|grateful|saved my life|never (?:feel |felt )?rushed|takes? (?:the |his |her |their )?time|took (?:the |his |her |their )?time|five stars|5 stars|glad i (?:found|chose|switched)|(?:love|loves|loved) (?:this|dr|her|him|them|the|our|my)|go(?:ing)? above and beyond|went above and beyond|couldn't be happier|could not be happier|so happy)\b/;

/** Positive idioms that a word-level scorer reads as negative (negated praise, "can't say enough"). */
const POSITIVE_IDIOMS: readonly [RegExp, string][] = [
  [/\b(?:can't|cannot|could not|couldn't) (?:say|speak|thank|praise) (?:enough|highly enough)(?: good things)?(?: about)?/g, 'great'],
  [/\b(?:can't|cannot|could not|couldn't) recommend (?:\w+ ){0,3}(?:enough|highly enough|more highly)/g, 'highly recommend'],
  [/\b(?:couldn't|could not) be (?:happier|more pleased|more satisfied)/g, 'very happy'],
  [/\b(?:no|zero|not a single|never any|never a) (?:complaints?|problems?|issues?|bad (?:experience|visit|word))\b/g, 'great'],
  [/\bnever (?:had|have had) (?:a|any) (?:problem|issue|bad experience|complaint)s?\b/g, 'great'],
  [/\bnothing but (?:good|great|positive|praise)/g, 'great'],
  [/\bnever (?:once )?(?:disappointed|let (?:me|us) down)/g, 'great'],
  [/\bnever (?:makes?|made) (?:me|him|her|us|them|my \w+) feel (?:bad|stupid|rushed|judged|dumb|silly|small)/g, 'kind'],
  [/\b(?:not once|never) (?:have i |did i |do i )?(?:felt|feel|been) (?:rushed|ignored|dismissed|like a number)/g, 'attentive'],
  [/\b(?:without|no) (?:a |any )?(?:wait|waiting)\b/g, 'quick'],
  [/\b(?:fix|fixed|solve|solved|resolve|resolved|sort|sorted|handled|straightened) (?:out )?(?:my |our |the |an? |this )?(?:\w+ )?(?:problem|issue|mistake|error|mix-up)s?\b/g, 'helped'],
];

function stars(rating: number | null | undefined): number | null {
  return typeof rating === 'number' && rating >= 1 && rating <= 5 ? rating : null;
}

export interface NegativeAssessment {
  /** Lexicon + aspect score of the text; < 0 is negative. */
  score: number;
  codes: Map<string, string>;
  malpractice: boolean;
  /** The text also praises something (mixed review). */
  praise: boolean;
}

/** The text part of the decision (exported for the evaluation). */
export function assessText(text: string): NegativeAssessment {
  let norm = normalize(text);
  for (const [re, rep] of POSITIVE_IDIOMS) norm = norm.replace(re, rep);
  const codes = new Map<string, string>();
  let lex = 0;
  let cue = 0;
  let posSentences = 0;
  let malpractice = false;
  for (const s of sentences(norm)) {
    const sc = scoreSentence(s);
    lex += sc.sum;
    if (sc.sum > 1.2 || sc.pos > 1.8) posSentences++;
    for (const a of ASPECTS) {
      if (a.needsNegativeSentence && sc.sum > -1) continue;
      const m = a.re.exec(s);
      if (!m) continue;
      if (a.negatable && negatedBefore(s, m.index)) continue;
      if (!codes.has(a.code)) {
        codes.set(a.code, a.reason);
        cue -= a.weight;
        if (a.code === 'negative.malpractice') malpractice = true;
      }
    }
  }
  let positive = 0;
  if (POSITIVE_CUES.test(norm)) positive = 2.5;
  const score = lex + cue + positive;
  return { score, codes, malpractice, praise: posSentences > 0 || positive > 0 };
}

export function detectNegative(input: DetectorInput): Flag[] {
  if (input.byPractice) return [];
  const text = input.title ? `${input.title}. ${input.text}` : input.text;
  const a = assessText(text);
  const r = stars(input.rating);
  const hasComplaint = a.codes.size > 0;
  let negative: boolean;
  let severity: Severity = 'medium';
  if (r !== null && r <= 2) {
    negative = true;
  } else if (r === 3) {
    negative = a.score < 3 || hasComplaint;
    severity = 'low';
  } else if (r !== null) {
    // 4–5 stars: only a clearly negative text overrides the rating.
    negative = a.score <= -3 && hasComplaint;
    severity = 'low';
  } else {
    negative = a.score <= -0.2 || (hasComplaint && a.score < 2.5);
  }
  if (!negative) return [];
  if (r === null && a.praise && a.score > -8 && !a.malpractice) severity = 'low';
  if (r !== null && r <= 2 && a.praise && a.score > 0) severity = 'low';
  if (a.malpractice) severity = 'high';
  if (!hasComplaint) {
    const reason = r !== null && r <= 2 && a.score > -1 ? 'gives a low star rating' : 'is negative about the practice or its care';
    return [{ category: 'negative', severity, code: r !== null && r <= 2 && a.score > -1 ? 'negative.low_rating' : 'negative.general', reason }];
  }
  return [...a.codes].map(([code, reason]) => ({ category: 'negative' as const, severity, code, reason }));
}

export const negativeDetector: DetectorDefinition = {
  id: 'negative',
  version: 1,
  category: 'negative',
  detect: (input) => detectNegative(input),
};
