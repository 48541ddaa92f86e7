// `urgent`: a crisis happening now — suicidal thoughts or self-harm, an overdose, a medical emergency
// (chest pain, can't breathe, stroke signs, bleeding that won't stop), or a threat of violence. Always `critical`.
// Past, negated and idiomatic mentions ("I'm not suicidal", "had chest pain last year", "this wait is killing me")
// do not fire.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Flag } from '../core/types.ts';
import { negatedBefore } from './text/negation.ts';
import { THREAT, VICTIM_THREAT, WEAPON } from './text/threat.ts';
import { normalize, sentences } from './text/tokenize.ts';

const SELF_HARM = /\b(?:kill(?:ing)? my ?self|end(?:ing)? (?:my (?:own )?life|it all|everything|things) (?:tonight|today|now|soon)?|take my (?:own )?life|suicid(?:e|al)|want(?:ed)? to die|wanna die|want to be dead|wish i (?:was|were) dead|better off dead|better off without me|(?:no|not any) (?:reason|point) (?:to|in) (?:live|living|go on|going on|being alive)|(?:don't|do not) want to (?:live|be alive|wake up|be here)|(?:can't|cannot) (?:go on|do this anymore|take it anymore)|hurt(?:ing)? myself|cut(?:ting)? myself|self[- ]?harm(?:ing)?|(?:going to|gonna|about to|want to) (?:take|swallow) (?:all|every one) (?:of )?(?:my|the) (?:pills|meds|medication|tablets)|say(?:ing)? goodbye (?:to everyone|forever)|this is my (?:last|final) (?:post|message|day)|hang(?:ing)? my ?self|jump(?:ing)? off (?:a|the) (?:bridge|roof|building)|won't be (?:here|around) (?:tomorrow|much longer)|plan(?:ning)? to end (?:it|my life))\b/;

const OVERDOSE = /\b(?:overdos(?:ed|ing|e)|od'?d|took (?:too many|a (?:whole|full) bottle|(?:all|every one) (?:of )?(?:my|his|her|the)|(?:\d+|ten|twenty|thirty|fifty|a handful of)) (?:of )?(?:my |his |her |the )?(?:pills|tablets|meds|medication|xanax|tylenol|oxy\w*|percocet|sleeping pills|ambien|insulin|vicodin|opioids)|accidentally (?:took|gave (?:him|her|my \w+)) (?:a )?(?:double|two|twice|too much|the wrong)|swallowed (?:a|the|some) (?:bottle|battery|button battery|pills|bleach|magnets?)|drank (?:bleach|antifreeze)|took (?:way )?too much (?:of )?(?:my |his |her )?\w+|(?:can't|cannot|won't) wake (?:him|her|them|my \w+) up|is unresponsive|not responding)\b/;

const EMERGENCY = /\b(?:(?:having|have|got|getting|feel|feeling|i'm having|with) (?:\w+ )?(?:chest pains?|chest pressure|crushing (?:chest )?pain|pain in my chest|tightness in my chest|heart attack|stroke)|chest (?:pain|pains|pressure|tightness|is tight) (?:right now|now|since|for the (?:last|past)|that (?:won't|will not)|radiating|spreading|and (?:my )?(?:left )?arm)|(?:can't|cannot|can not|struggling to|hard to|unable to) breathe|(?:can't|cannot) catch my breath|(?:i think )?(?:i'm|i am|he's|she's|he is|she is|my \w+ is) having a (?:heart attack|stroke|seizure|severe allergic reaction|anaphylactic)|(?:face|lips|throat|tongue|mouth) (?:is |are |keeps )?(?:drooping|swelling up|closing)|throat (?:is )?closing|bleeding (?:\w+ ){0,4}?(?:won't|will not|doesn't|does not|isn't|hasn't|that won't|and it won't|and won't) (?:stop|stopped|slow|slowing)|won't stop bleeding|(?:coughing|vomiting|throwing) up blood|(?:is |he's |she's )?not breathing|stopped breathing|turning blue|(?:numb|numbness|weak|weakness) (?:on|in) (?:one|the (?:left|right)) side|slurred speech|worst headache of my life|seizing)\b/;

const PAST = /\b(?:last (?:year|month|week|spring|summer|fall|winter|time)|years? ago|months? ago|weeks? ago|back in|in (?:19|20)\d\d|used to|when i was|history of|in the past|previously|recovered from|survived|got through|helped me (?:through|with|get)|saved (?:my|his|her) life|asked (?:me )?(?:if|whether)|screened|screening|had a (?:heart attack|stroke|seizure)|after my (?:heart attack|stroke))\b/;
const NOW = /\b(?:right now|now|currently|still|tonight|today|at the moment|getting worse|this morning|since (?:this morning|last night|yesterday|an hour))\b/;
/** Figures of speech that contain crisis words. */
const IDIOM = /\b(?:(?:wait|line|music|paperwork|bill|price|hold)\w* (?:is|was) killing me|(?:i'd|i would|could) (?:rather )?die (?:of|from) (?:boredom|embarrassment)|bored to death|dying (?:to|for) (?:get|see|try|know)|killing it|killed it|died laughing|to die for)\b/;

function current(s: string): boolean {
  return !PAST.test(s) || NOW.test(s);
}

export function detectUrgent(input: DetectorInput): Flag[] {
  if (input.byPractice) return [];
  const text = input.title ? `${input.title}. ${input.text}` : input.text;
  const found = new Map<string, string>();
  for (const s of sentences(normalize(text))) {
    if (IDIOM.test(s)) continue;
    let m = SELF_HARM.exec(s);
    if (m && !negatedBefore(s, m.index, 20) && current(s)) found.set('urgent.self_harm', 'mentions suicidal thoughts or self-harm');
    m = OVERDOSE.exec(s);
    if (m && !negatedBefore(s, m.index, 16) && current(s)) found.set('urgent.overdose', 'describes a possible overdose or poisoning');
    m = EMERGENCY.exec(s);
    if (m && !negatedBefore(s, m.index, 16) && current(s)) found.set('urgent.medical_emergency', 'describes a medical emergency happening now');
    if (THREAT.test(s) || WEAPON.test(s) || VICTIM_THREAT.test(s)) found.set('urgent.violence', 'mentions a threat of violence');
  }
  return [...found].map(([code, reason]) => ({ category: 'urgent' as const, severity: 'critical' as const, code, reason }));
}

export const urgentDetector: DetectorDefinition = {
  id: 'urgent',
  version: 1,
  category: 'urgent',
  detect: (input) => detectUrgent(input),
};
