// phi: the text reveals health information about an identifiable person.
//  - the practice (or its staff) revealing anything about a patient            → critical  phi.practice_disclosure
//  - someone revealing a named / otherwise identified other person's health    → high      phi.third_party
//  - the author's own health, with direct identifiers (name, phone, DOB…)     → medium    phi.self_disclosure_identifiers
//  - the author's own (or an unnamed relative's) health                        → low       phi.self_disclosure / phi.family_disclosure
// Health talk that identifies no one ("diabetes runs in families") is not flagged. Reasons are PHI-free.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Flag, PracticeFacts } from '../core/types.ts';
import { findEntitiesDetailed, type Found } from './entities.ts';

const FIRST_PERSON = /\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|me|my|mine|myself)\b/i;
const CLINICAL_VOICE = /\b(?:\d{1,3}[- ]?(?:year[- ]old|yo|y\/o)|(?:a|an|the) (?:\d+[- ])?(?:male|female|man|woman|patient|pt)\b|patients? (?:with|presenting|who)|pt w\/?)/i;
const SELF_HEALTH =
  /\b(?:my|mine|myself|me|i(?:'m|’m| am| have| had| was| got| get| take| took| started| finished| needed| need| go| went| came| come| suffer| deal| live|'ve|’ve| feel| felt| tested| found out| learned| just| still| finally| recently| also| ended| ve))\b/i;
const RELATIVE =
  /\b(?:my|our)\s+(?:(?:\w+\s)?(?:husband|wife|son|daughter|mom|mother|mum|dad|father|brother|sister|aunt|uncle|cousin|grandma|grandmother|grandpa|grandfather|child|kid|kids|baby|boyfriend|girlfriend|partner|fiance|fiancée|spouse|niece|nephew|grandson|granddaughter|stepson|stepdaughter|toddler|teen|infant))\b/i;
const PATIENT_REF =
  /\b(?:(?:our|a|one of our|this|that|the)\s+(?:patients?|clients?)|patients? (?:of ours|today|yesterday|this (?:morning|week))|came in (?:today|yesterday|this|last|on|with|for)|we (?:saw|treated|had|admitted|diagnosed)|was (?:in|here) (?:today|yesterday) (?:for|with))\b/i;
const PATIENT_WORDS = /\b(?:pt|patient|male|female|man|woman|boy|girl|child|infant|toddler|yo|y\/o)\b/i;
/** A practice post speaking to or about someone who was seen: "your visit", "glad you're feeling better", "your daughter's". */
const PATIENT_ADDRESSED =
  /\b(?:your (?:recent )?(?:visit|stay|hospital stay|appointment|procedure|surgery|treatment|care|results?|condition|diagnosis|recovery|prescription|test|scan|labs?|delivery|birth|baby|daughter|son|husband|wife|mom|mother|dad|father|child|kids?)|we remember (?:you|your)|when you (?:came|were|visited)|you(?:'re| are) feeling better|hope (?:you're|you are|your|she|he|they) (?:is |are )?(?:feeling|doing|recovering|breathing|better|healing))/i;
const PROMO = /\b(?:get|book|schedule|don't forget|do not forget|remember to|make sure|time for|sign up|walk in|walk-in|available|call (?:us|today)|now offering|we offer|protect)\b/i;
/** Staff speaking as staff: "Nurse here - …", "I work at this clinic and …". */
const STAFF_SELF =
  /\b(?:(?:nurse|receptionist|doctor|physician|staff|employee|tech|technician|front desk|medical assistant) here\b|i work (?:here|there|at (?:this|the|that) (?:office|clinic|practice|hospital))|as (?:a|an|the) (?:nurse|receptionist|employee|staff member) (?:here|there|at this))/i;
const STAFF_TITLE = /^(?:dr\.?|doctor|nurse|prof\.?|np|pa)\s/i;
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
    if (patientRef || PATIENT_ADDRESSED.test(text) || healthToYou || healthOfSomeone || (detailDates.some((d) => d.strength >= 1) && health.length > 0) ||
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
  const firstPerson =
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
  if (thirdParty || (others.length > 0 && !firstPerson) || identifiedByDetails) {
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
    const relative = RELATIVE.test(text);
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
  version: 1,
  category: 'phi',
  detect(input, ctx) {
    // analyze passes the detailed entities (with strengths); a caller without them gets the finder run here.
    const { flag } = assessPhi(input, ctx.practice, ctx.detailedEntities);
    return flag ? [flag] : [];
  },
};
