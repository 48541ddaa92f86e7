// phi: the text reveals health information about an identifiable person.
//  - the practice (or its staff) revealing anything about a patient            → critical  phi.practice_disclosure
//  - someone revealing a named / otherwise identified other person's health    → high      phi.third_party
//  - the author's own health, with direct identifiers (name, phone, DOB…)     → medium    phi.self_disclosure_identifiers
//  - the author's own (or an unnamed relative's) health                        → low       phi.self_disclosure / phi.family_disclosure
// Health talk that identifies no one ("diabetes runs in families") is not flagged. Reasons are PHI-free.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Flag, PracticeFacts } from '../core/types.ts';
import { findEntitiesDetailed, type Found } from './entities.ts';
import { confirmsRelationship } from './text/relationship.ts';

const FIRST_PERSON = /\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|me|my|mine|myself)\b/i;
const CLINICAL_VOICE = /(?<!\b(?:my|our|his|her|their)\s)\b(?:\d{1,3}[- ]?(?:year[- ]old|yo|y\/o)|(?:a|an|the) (?:\d+[- ])?(?:male|female|man|woman|patient|pt)\b|(?<!\b(?:were|was|is|are|be|been|being|so|very|more|less|really|super|extremely|incredibly)\s)patients? (?:with|presenting|who)|pt w\/?)/i;
const SELF_HEALTH =
  /\b(?:my|mine|myself|me|i(?:'m|’m| am| have| had| was| got| get| take| took| started| finished| needed| need| go| went| came| come| suffer| deal| live|'ve|’ve| feel| felt| tested| found out| learned| just| still| finally| recently| also| ended| ve))\b/i;
const RELATIVE =
  /\b(?:my|our)\s+(?:\d{1,3}[- ]?(?:year[- ]olds?|yr[- ]olds?|yo|y\/o|mo|month[- ]old|week[- ]old)\b|(?:[\w-]+\s){0,2}(?:husband|wife|son|daughter|mom|mother|mum|dad|father|brother|sister|aunt|uncle|cousin|grandma|grandmother|grandpa|grandfather|child|kid|kids|baby|boyfriend|girlfriend|partner|fiance|fiancée|spouse|niece|nephew|grandson|granddaughter|stepson|stepdaughter|toddler|teen|infant|hubby|kiddo|stepdad|stepmom|mother-in-law|father-in-law|in-laws|twins|newborn|preemie|grandbaby|little one|little guy|little man|little girl|little boy|oldest|youngest))\b/i;
/** A relative as the (possessive-less) subject at a sentence start: "Dad just had a pacemaker put in", "Mom's dialysis…". */
const RELATIVE_BARE =
  /^[\s"'“(*-]*(?:(?:my|our|the)\s+)?(?:wife|husband|hubby|mom|mum|mommy|mama|dad|daddy|son|daughter|grandma|grandpa|granny|nana|nephew|niece|brother|sister|bf|gf|boyfriend|girlfriend|fianc[eé]e?|kiddo|toddler|baby|little one|twins|stepdad|stepmom)(?:'s|’s)?\b/i;
/**
 * A sentence whose subject (the writer) is dropped: "Got the A1C back", "Tore my rotator cuff…", "been dealing with
 * vertigo", "Finally off the Zoloft", "Day 5, everything hurts".
 */
const SUBJECT_DROP =
  /^[\s"'“(*-]*(?:(?:just|finally|still|recently|also|so|and|then|now|today|yesterday|literally|officially|quick|second|first)\s+)*(?:got|get|getting|had|have|having|went|going|spent|tore|broke|cracked|fell|started|starting|stopped|finished|lost|needed|took|taking|been|am|recovering|waiting|dealing|feeling|felt|woke|ended up|diagnosed|tested|found out|scheduled|booked|due|off|day \d+|week \d+|\d+ (?:days?|weeks?|months?) (?:post|out|after|since|along|sober|pregnant|postpartum)|two weeks|home|done with|survived|beat|upped|switched|refilled|picked up|headed|heading|back (?:from|on|in))\b/i;
/** The dropped-subject sentences that report something done or lived ("Switched from…", "Three years clean…"), which a
 * service cue later in the sentence ("…checked in every week") does not turn into a notice; unlike "Get your…". */
const SUBJECT_DROP_PAST =
  /^[\s"'“(*-]*(?:(?:just|finally|still|recently|also|so|and|then|now|literally|officially)\s+)*(?:got (?:my|diagnosed|put|told|sent|referred)|had my|went (?:in|back|to)|spent|tore|broke|cracked|fell|started|stopped|finished|needed|took my|been (?:on|off|dealing|fighting|struggling|battling)|recovering|woke up|ended up|diagnosed|tested|found out|switched|upped|refilled|survived|beat|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (?:days?|weeks?|months?|years?) (?:post|out|since|sober|clean|pregnant|postpartum|off))\b/i;
/** Cues that a health-led sentence is a personal event ("Colonoscopy Friday.", "Pap smear results were normal, phew"). */
const EVENT_CUE =
  /\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|last (?:week|night|month|year|time)|tomorrow|next (?:week|month)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|on the \d+(?:st|nd|rd|th)?|at \d+ (?:weeks|wks)|emergency|finally|\d+ (?:days?|weeks?|months?|years?) (?:ago|post|out|later|in|along|sober|clean)|since (?:covid|my|the (?:accident|surgery|fall|birth|baby)|last|birth|childhood|i was|(?:i|he|she) (?:was|got|had)|\d)|post[- ]?op|same day|next day|went (?:well|great|perfectly|fine|smoothly|ok|okay)|hurts?|hurt|healing|healed|recovering|recovery|no joke|phew|results? (?:were|was|came)|came back|refill|barely|finally|all clear|starts|started|didn't take|did not take|arrived|took \d+|keeps? getting|visit|(?:was|were|is) (?:bad|good|high|low|normal|abnormal|fine|clear|negative|positive|benign|brutal|rough|awful|easy))\b|#\d/i;
/** A health word naming a place, service or event rather than someone's care ("MRI center", "COVID testing site"). */
const HEALTH_AS_PLACE =
  /^(?:[\s-]*[\p{L}'’-]+)?[\s-]+(?:wing|site|center|centre|clinic|department|dept|office|team|unit|floor|lab|desk|room|building|walk|drive|run|month|day|survivors|group|program|educator|lecture|talk|shortages?|news|instructions|prep instructions|machine|until|hours|event|fair|awareness)\b/iu;
/** A notice anywhere in the text makes its health talk a service announcement ("… Walk-ins welcome!"). */
const NOTICE = /\b(?:walk[- ]?ins?|no appointment(?: needed)?|now (?:available|offering)|call (?:us|today) to|book (?:now|online|today))\b/i;
/** Health talk that is about a service, a statistic or a notice, not an event in someone's life. */
const GENERIC_CUE =
  /\b(?:available|offer(?:s|ed|ing)?|walk[- ]?ins?|no appointment|they (?:treat|have|do|offer|take)|is (?:a|an|the|one of)|are (?:a|the|rising|common|up)|affects?|leading|killer|cause of|prevention|awareness|screenings? (?:is|are)|get (?:screened|vaccinated|tested|your)|if you|anyone (?:know|been)|does anyone|how long|is it normal|speaker|poster|article|flyer|pamphlet|seminar|lectures?|webinar|presentation|documentary|podcast|talks? (?:on|about)|class(?:es)?|every (?:day|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|cases|season|stats?|fair|free (?:[\w-]+ ){0,3}(?:checks?|screenings?|shots?|tests?|testing|vaccines?|exams?))\b/i;
/** A practice post that replies to a reader ("Thanks for the review, Mark!", "Hi Rachel, we're glad…"). */
const REPLY_TO_READER =
  /^\s*(?:hi|hello|hey|dear|thanks|thank you)\b|\b(?:your (?:review|feedback|kind words|comment|post|note)|the (?:review|kind words|shout ?out)|for the (?:review|stars|kind words)|we(?:'re| are) (?:so )?(?:glad|happy|sorry|thrilled|delighted)|we appreciate you|(?:happy|glad) (?:the|to hear))\b/i;
const PATIENT_REF =
  /\b(?:(?:our|a|one of our|this|that|the)\s+(?:patients?|clients?)|patients? (?:of ours|today|yesterday|this (?:morning|week))|came in (?:today|yesterday|this|last|on|with|for)|we (?:saw|treated|had|admitted|diagnosed)|was (?:in|here) (?:today|yesterday) (?:for|with))\b/i;
const PATIENT_WORDS = /\b(?:pt|patient|male|female|man|woman|boy|girl|child|infant|toddler|yo|y\/o)\b/i;
/** A practice post speaking to or about someone who was seen: "your visit", "glad you're feeling better", "your daughter's". */
const PATIENT_ADDRESSED =
  /\b(?:your (?:recent )?(?:visit|stay|hospital stay|appointment|procedure|surgery|treatment|care|results?|condition|diagnosis|recovery|prescription|test|scan|labs?|delivery|birth|baby|daughter|son|husband|wife|mom|mother|dad|father|child|kids?)|we remember (?:you|your)|when you (?:came|were|visited)|you(?:'re| are) feeling better|hope (?:you're|you are|your|she|he|they) (?:is |are )?(?:feeling|doing|recovering|breathing|better|healing))/i;
const ONE_PATIENT = /\b(?:our|one of our|this|that)\s+(?:[a-z0-9-]+\s+){1,2}patient\b(?!s|-|\s+(?:portal|forms?|paperwork|intake|packet|appointments?|visits?|registration|services|coordinator|care|experience|satisfaction|survey|education|resources?|line|parking|entrance|lounge|specials?|discount|welcome|orientation|information|info|questionnaire|checklist|famil(?:y|ies)|advocates?|stories|story|community|population|needs|safety|privacy|rights|feedback|reviews?|testimonials?)\b)/i;

/** The sentences of a text, as written (for per-sentence checks). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?\n])\s+/).filter((x) => x.trim().length > 0);
}
/** A question to the public ("did you know your annual physical is covered?"), not to one person. */
const GENERIC_QUESTION = /\b(?:did you know|are you|is your|have you|when was your last|do you)\b[^.!]*\?/i;
const PROMO = /\b(?:did you know|(?:is|are) (?:fully |usually |often |now )?covered|get|book|schedule|don't forget|do not forget|remember to|make sure|time for|sign up|walk in|walk-in|available|call (?:us|today)|now offering|we offer|protect)\b/i;
/** Staff speaking as staff: "Nurse here - …", "I work at this clinic and …". */
const STAFF_SELF =
  /(?:(?:^|[.!?\n]\s*)(?:(?:a|the|your)\s+)?(?:nurse|receptionist|doctor|physician|staff|staff member|employee|tech|technician|front desk|medical assistant) here\s*(?:[-–—,:!.(]|$)|\bi work (?:here|there|at (?:this|the|that) (?:office|clinic|practice|hospital))|as (?:a|an|the) (?:nurse|receptionist|employee|staff member) (?:here|there|at this))/i;
const STAFF_TITLE = /^(?:dr\.?|doctor|nurse|prof\.?|np|pa)\s/i;
/**
 * Clinical shorthand that opens a sentence with someone's age and sex instead of a pronoun: "56F w/ hx of CHF",
 * "age 67, dx with afib", "(34m) on lexapro", "pt is a 67 yo male". A generic case ("for a 60-year-old with…") has an
 * article before the age and does not match.
 */
const SHORTHAND_SUBJECT =
  /(?:^|[.!?\n]\s*|\(\s*)(?:(?:pt|patient|my pt|my patient)\s+(?:is|was|=)\s+(?:an?\s+)?)?(?:age[d:]?\s*\d{1,3}\b|\d{1,3}\s?(?:[mf]\b|yo\b|y\/o\b|y\.o\.|yrs?\b|years?\s+old\b|year[- ]old\b|[- ]year[- ]old\b)|[mf]\s*,\s*\d{1,3}\b)/i;
const SHORTHAND_LEAD = new RegExp('^[\\s(]*' + SHORTHAND_SUBJECT.source.replace(/^\(\?:\^\|[^)]*\)/, ''), 'i');
/** The shorthand is about someone the writer treats ("pt is…"), not the writer. */
const SHORTHAND_PATIENT = /(?:^|[.!?\n]\s*)(?:my\s+)?(?:pt|patient)\s+(?:is|was|=)\b/i;
const SELF_NAME_CUE = /(?:\bname(?:'s| is|:)|\bi am|\bi'm|\bi’m|\bthis is|\bsigned|^-|\n-)\s*[,:]?\s*$/i;

function sentenceOf(text: string, pos: number): [number, number] {
  let s = pos;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  let e = pos;
  while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  return [s, e];
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}

function authorIsStaff(author: string | null | undefined, practice: PracticeFacts): boolean {
  if (!author) return false;
  const a = norm(author);
  if (!a) return false;
  const names = [practice.name, ...practice.staff, ...practice.providers.map((p) => p.name)].map(norm);
  return names.some((n) => n && (n === a || n.includes(a) || a.includes(n)));
}

export interface PhiAssessment {
  flag: Flag | null;
  entities: Found[];
}

export function assessPhi(input: DetectorInput, practice: PracticeFacts, found?: readonly Found[]): PhiAssessment {
  const text = input.text ?? '';
  const entities = found ? [...found] : findEntitiesDetailed(text, practice);
  const health = entities.filter((e) => e.type === 'health');
  const persons = entities.filter((e) => e.type === 'person' && e.strength >= 1);
  const direct = entities.filter(
    (e) => (e.type === 'phone' || e.type === 'email' || e.type === 'address' || e.type === 'id') && e.strength >= 1,
  );
  const fullDates = entities.filter((e) => e.type === 'date' && e.strength >= 2);
  const detailDates = entities.filter((e) => e.type === 'date');
  const byPractice = input.byPractice === true || (input.owned === true && authorIsStaff(input.author, practice)) || STAFF_SELF.test(text);

  if (byPractice) {
    const patientRef = PATIENT_REF.test(text);
    const anyPersons = entities.filter((e) => e.type === 'person');
    // A health mention addressed to a reader ("sorry your miscarriage…"), unless it is a promotion ("get your flu shot").
    const healthToYou = health.some((h) => {
      const [s, e] = sentenceOf(text, h.start);
      const sentence = text.slice(s, e);
      return /\b(?:your|you)\b/i.test(sentence) && !PROMO.test(sentence);
    });
    const healthOfSomeone = health.some((h) => {
      const [s, e] = sentenceOf(text, h.start);
      return /\b(?:she|he|her|his|him|they|their|the (?:lady|guy|man|woman|kid|child|boy|girl|gentleman))\b/i.test(text.slice(s, e));
    });
    // A reply to a reader that mentions health outside a promotion is about that reader's care.
    const healthInReply = REPLY_TO_READER.test(text) && health.some((h) => {
      const [s, e] = sentenceOf(text, h.start);
      return !PROMO.test(text.slice(s, e));
    });
    // A reply to a reader that confirms they were seen ("sorry your visit on Tuesday ran late", "our records show
    // you…"): the disclosure HHS has fined practices for, even with no health detail and no name.
    const confirmsPatient = REPLY_TO_READER.test(text) && sentencesOf(text).some((s) => !PROMO.test(s) && !GENERIC_QUESTION.test(s) && confirmsRelationship(s));
    // "our longtime patient Mr. Jenkins", "our youngest patient", "our newest patient, baby Theo": one particular
    // patient (singular, a describing word or two), not "our new patient portal" or "our amazing patients".
    const onePatient = ONE_PATIENT.test(text);
    if (patientRef || confirmsPatient || onePatient || PATIENT_ADDRESSED.test(text) || healthToYou || healthInReply || healthOfSomeone || (detailDates.some((d) => d.strength >= 1) && health.length > 0 && !NOTICE.test(text)) ||
      (health.length > 0 && (anyPersons.some((p) => !STAFF_TITLE.test(text.slice(p.start, p.end))) || direct.length > 0 || fullDates.length > 0))) {
      return {
        entities,
        flag: {
          category: 'phi',
          severity: 'critical',
          code: 'phi.practice_disclosure',
          reason: 'a post by the practice describes a patient in a way that could identify them',
        },
      };
    }
    return { entities, flag: null };
  }
  if (health.length === 0) return { entities, flag: null };

  // Which named people are the author themselves?
  const author = input.author ? norm(input.author) : '';
  const isSelf = (p: Found) => {
    const name = norm(text.slice(p.start, p.end));
    if (author && (name === author || author.includes(name) || name.includes(author))) return true;
    return SELF_NAME_CUE.test(text.slice(Math.max(0, p.start - 20), p.start));
  };
  const others = persons.filter((p) => !isSelf(p) && !STAFF_TITLE.test(text.slice(p.start, p.end)));
  const selfNamed = persons.some(isSelf);

  // A named other person in the same sentence as a health mention.
  const thirdParty = others.some((p) => {
    const [s, e] = sentenceOf(text, p.start);
    return health.some((h) => h.start < e && h.end > s);
  });
  // First person as the subject of a health mention: "my biopsy", "I have diabetes", "gave me a flu shot".
  // Clinical-note voice ("a 55-year-old male with…") is about a patient, not the writer ("can you give me…").
  const clinicalVoice = CLINICAL_VOICE.test(text);
  // Without any pronoun: a sentence with a dropped subject, a bare relative, or a health-led personal event.
  let bareRelative = false;
  const impliedSelf =
    !clinicalVoice &&
    !NOTICE.test(text) &&
    health.some((h) => {
      const [s, e] = sentenceOf(text, h.start);
      const sentence = text.slice(s, e);
      if (RELATIVE_BARE.test(sentence)) return (bareRelative = true);
      if (SUBJECT_DROP_PAST.test(sentence)) return true;
      if (GENERIC_CUE.test(sentence)) return false;
      if (SUBJECT_DROP.test(sentence)) return true;
      if (/\?\s*$/.test(text.slice(s, Math.min(text.length, e + 1)))) return false;
      // health-led: at most two words before the first health mention of the sentence
      const first = health.find((x) => x.start >= s && x.start < e)!;
      return /^[\s"'“(*-]*(?:[\p{L}'’-]+\s+){0,3}$/u.test(text.slice(s, first.start)) && !HEALTH_AS_PLACE.test(text.slice(first.end, e)) &&
        !/\buntil\b/i.test(sentence) && EVENT_CUE.test(sentence);
    });
  // Pronoun-less clinical shorthand about one person: the writer ("56F w/ hx of CHF") or their patient ("pt is…").
  const shorthandPatient = SHORTHAND_PATIENT.test(text) && SHORTHAND_SUBJECT.test(text);
  // At the very start of a post the shorthand is its subject; later on, only outside service/statistics talk.
  const shorthand = shorthandPatient || SHORTHAND_LEAD.test(text) || (SHORTHAND_SUBJECT.test(text) && !GENERIC_CUE.test(text));
  const firstPerson =
    (shorthand && !shorthandPatient) ||
    impliedSelf ||
    RELATIVE.test(text) ||
    health.some((h) => {
      const [s, e] = sentenceOf(text, h.start);
      return SELF_HEALTH.test(text.slice(Math.max(s, h.start - 40), h.end)) || (!clinicalVoice && FIRST_PERSON.test(text.slice(s, e)));
    }) ||
    (!clinicalVoice && FIRST_PERSON.test(text));
  // Clinical-note style: a health mention plus direct identifiers / full dates about someone not the author.
  // A dated encounter of a described patient ("a 52-year-old male … seen by Dr. Smith on March 15th, 2022").
  const describedPatient = entities.some((e) => e.type === 'age') || persons.length > 0 || PATIENT_WORDS.test(text);
  const identifiedByDetails = !firstPerson && (direct.length > 0 || (fullDates.length > 0 && describedPatient));
  if (thirdParty || (others.length > 0 && !firstPerson) || identifiedByDetails || shorthandPatient) {
    return {
      entities,
      flag: {
        category: 'phi',
        severity: 'high',
        code: 'phi.third_party',
        reason: 'names or identifies another person together with health information',
      },
    };
  }
  if (firstPerson) {
    const relative = RELATIVE.test(text) || bareRelative;
    const identifiers = selfNamed || direct.length > 0 || fullDates.length > 0;
    if (identifiers) {
      return {
        entities,
        flag: {
          category: 'phi',
          severity: 'medium',
          code: 'phi.self_disclosure_identifiers',
          reason: 'discloses health information together with direct identifiers',
        },
      };
    }
    return {
      entities,
      flag: {
        category: 'phi',
        severity: 'low',
        code: relative ? 'phi.family_disclosure' : 'phi.self_disclosure',
        reason: relative ? "discloses a family member's health information" : "discloses the author's own health information",
      },
    };
  }
  return { entities, flag: null };
}

export const phiDetector: DetectorDefinition = {
  id: 'phi',
  // 2: informal health vocabulary, clinical shorthand, practice replies that confirm a visit, posts about one patient.
  version: 2,
  category: 'phi',
  detect(input, ctx) {
    // analyze passes the detailed entities (with strengths); a caller without them gets the finder run here.
    const { flag } = assessPhi(input, ctx.practice, ctx.detailedEntities);
    return flag ? [flag] : [];
  },
};
