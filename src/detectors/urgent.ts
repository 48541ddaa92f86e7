// `urgent`: a crisis happening now — suicidal thoughts or self-harm, an overdose, a medical emergency
// (chest pain, can't breathe, stroke signs, bleeding that won't stop), or a threat of violence. Always `critical`.
// Past, negated and idiomatic mentions ("I'm not suicidal", "had chest pain last year", "this wait is killing me")
// do not fire.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Flag } from '../core/types.ts';
import { negatedBefore } from './text/negation.ts';
import { STALK_THREAT, THREAT, VICTIM_THREAT, WEAPON } from './text/threat.ts';
import { rulesHaveLastWord, TextClassifier } from './text/linear-model.ts';
import { normalize, sentences } from './text/tokenize.ts';
import { GENERIC, HUMOR, IDIOM as IDIOM_CUE, NOW_STRONG, PAST as PAST_CUE, RECOVERED as RECOVERED_CUE, isCurrent } from './crisis/context.ts';
import { detectCrisis, type CrisisCode } from './crisis/rules.ts';
import { unionOf } from './union.ts';

const SELF_HARM = /\b(?:(?:want|wanted|need|needs) (?:it|this|everything|it all|all of (?:it|this)) (?:all )?to (?:end|stop|be over)|(?:going to|gonna|i'll|i will|about to|ready to|want to|wanna|decided to) end it\b|(?:have|got|made|making) a plan (?:and|to)|(?:have|got) the means|(?:what's|whats|what is) the point (?:of|in) (?:living|life|going on|anything|treatment|trying|any of (?:this|it))|(?:don't|do not|can't|cannot) see (?:the|any|a) point (?:anymore|in (?:living|life|going on|anything|any of (?:this|it)|trying))|(?:i'm|i am) done (?:fighting(?! (?:with|for|against|over|about))|trying(?! to)|with (?:life|everything|it all))|no reason (?:for me )?to (?:keep going|go on|live|stay|be here)|(?:nothing|no one|nobody) (?:left )?to live for|(?:given|giving|gave) away (?:all )?(?:my|of my) (?:things|stuff|belongings|possessions|pets?)|stopped eating (?:\w+ ){0,4}on purpose|(?:voices?|something) (?:are |is |keeps? )?telling me to (?:hurt|kill|harm)|(?:thinking|thought|think) (?:about|of) (?:driving|jumping|crashing|walking|stepping) (?:off|into|in front)|driv(?:e|ing) (?:my car )?off (?:a|the) (?:bridge|cliff|road|overpass)|(?:going to|gonna|about to|ready to) jump\b|(?:pills|meds|tablets) (?:saved|stockpiled|stashed|saved up)|(?:saved|stockpiled|stashed|hoarding|hoarded) (?:up )?(?:my |some |enough )?(?:pills|meds|tablets)|(?:don't|do not) feel safe (?:with|around|by) myself|(?:not|don't|do not) trust myself|tell (?:my|everyone) (?:\w+ )?(?:i'm|i am) sorry|(?:don't|do not) want to (?:be here|exist|wake up|live) (?:anymore|any more)|(?:can't|cannot) (?:keep going|live like this)|disappear forever|kill(?:ing)? my ?self|end(?:ing)? (?:my (?:own )?life|it all|everything|things) (?:tonight|today|now|soon)?|take my (?:own )?life|suicid(?:e|al)|want(?:ed)? to die|wanna die|want to be dead|wish i (?:was|were) dead|better off dead|better off without me|(?:no|not any) (?:reason|point) (?:to|in) (?:live|living|go on|going on|being alive)|(?:don't|do not) want to (?:live|be alive|wake up|be here)|(?:can't|cannot) (?:go on|do this anymore|take it anymore(?! with))|hurt(?:ing)? myself|cut(?:ting)? myself|self[- ]?harm(?:ing)?|(?:going to|gonna|about to|want to) (?:take|swallow) (?:all|every one) (?:of )?(?:my|the) (?:pills|meds|medication|tablets)|say(?:ing)? goodbye (?:to everyone(?! (?:at|here|there|in|on))|forever)|this is my (?:last|final) (?:post|message|day)|hang(?:ing)? my ?self|jump(?:ing)? off (?:a|the) (?:bridge|roof|building)|won't be (?:here|around) (?:tomorrow|much longer)|plan(?:ning)? to end (?:it|my life))\b/;

const OVERDOSE = /\b(?:(?:took|taken|swallowed|ate|downed|popped|taking) (?:a bunch|a lot|a ton|a handful|handfuls|a whole bottle|the whole bottle|a bottle|half (?:a|the) bottle|all|most|the rest|way too many|too many|extra|\d+|ten|twenty|thirty|forty|fifty) (?:of )?(?:my |his |her |the |their |\w+'s )?(?:\w+ )?(?:pills|tablets|meds|medications?|capsules|gummies|xanax|tylenol|advil|ibuprofen|oxy\w*|percocet|ambien|insulin|vicodin|opioids|benzos|sleeping pills)|(?:swallowed|drank|drunk|ingested|ate|got into) (?:a |the |some |some of (?:the|my) )?(?:bleach|antifreeze|drain cleaner|detergent|laundry pods?|tide pods?|rat poison|poison|lighter fluid|button batter(?:y|ies)|batter(?:y|ies)|magnets?|cleaning products?|windshield fluid|lamp oil)|(?:hasn't|has not|won't|will not|can't|cannot|couldn't) (?:woken|wake|be woken|waking) (?:\w+ )?(?:up)?|overdos(?:ed|ing|e)|od'd|oded|o\.d\.'?d|took (?:too many|a (?:whole|full) bottle|(?:all|every one) (?:of )?(?:my|his|her|the)|(?:\d+|ten|twenty|thirty|fifty|a handful of)) (?:of )?(?:my |his |her |the )?(?:pills|tablets|meds|medication|xanax|tylenol|oxy\w*|percocet|sleeping pills|ambien|insulin|vicodin|opioids)|accidentally (?:took|gave (?:him|her|my \w+)) (?:a )?(?:double|two|twice|too much|the wrong)|swallowed (?:a|the|some) (?:bottle|battery|button battery|pills|bleach|magnets?)|drank (?:bleach|antifreeze)|took (?:way )?too much (?:of )?(?:my |his |her )?\w+|(?:can't|cannot|won't) wake (?:him|her|them|my \w+) up|is unresponsive|not responding)\b/;

const EMERGENCY = /\b(?:bleeding (?:heavily|a lot|badly|profusely|everywhere|through|so much|nonstop|non-stop)|(?:heavy|severe|profuse|uncontrolled) bleeding|hemorrhag\w*|soak(?:ed|ing) (?:through )?(?:\w+ ){0,2}(?:pads?|towels?|bandages?) (?:in|every) (?:\d+|an?|one|ten|twenty|thirty) (?:min|mins|minutes)|(?:bleeding|bled|blood (?:\w+ )?(?:soaking|soaked|coming|seeping)) (?:right )?through (?:the |my |his |her )?(?:bandage|gauze|dressing)|(?:can|could) (?:barely|hardly|not) breathe|(?:trouble|difficulty|struggling|problems?) breathing|gasping|breathing (?:sounds|is|looks) (?:weird|strange|funny|wrong|labored|shallow|raspy)|(?:lips|face|skin|fingers|fingertips) (?:look |are |is |turning |went |have gone )?(?:kind of |a bit |slightly )?(?:blue|gray|grey|purple)|(?:having|having an?|think i'm having an?|think i am having an?) (?:\w+ )?(?:allergic reaction|anaphyla\w*)|(?:tongue|lips|throat|face|mouth) (?:is |are |keeps |started |has started |feels |feel )?(?:swelling|swollen|closing|tight)|(?:elephant|weight|something heavy|someone) (?:is )?(?:sitting|standing) on my chest|(?:chest|heart) (?:feels )?(?:like it's being|like its being) (?:crushed|squeezed)|pain (?:\w+ )?(?:down|in|into) my (?:left )?(?:arm|jaw)|(?:face|mouth|smile) (?:feels |is |looks )?(?:droop\w*|lopsided|uneven)|(?:one side of )?(?:my|his|her) face (?:is |feels |looks )?(?:droop\w*|numb)|(?:can't|cannot|couldn't) (?:lift|raise|move) (?:my|his|her) (?:left |right )?(?:arm|leg)|slurr\w*|(?:is |he's |she's |been |keeps? |started )?(?:seizing|convulsing|having (?:a )?seizures?)|(?:having|have|got|getting|feel|feeling|i'm having|with) (?:\w+ )?(?:chest pains?|chest pressure|crushing (?:chest )?pain|pain in my chest|tightness in my chest|heart attack|stroke)|chest (?:pain|pains|pressure|tightness|is tight) (?:right now|now|since|for the (?:last|past)|that (?:won't|will not)|radiating|spreading|and (?:my )?(?:left )?arm)|(?:can't|cannot|can not|struggling to|hard to|unable to) breathe|(?:can't|cannot) catch my breath|(?:i think )?(?:i'm|i am|he's|she's|he is|she is|my \w+ is) having a (?:heart attack|stroke|seizure|severe allergic reaction|anaphylactic)|(?:face|lips|throat|tongue|mouth) (?:is |are |keeps )?(?:drooping|swelling up|closing)|throat (?:is )?closing|bleeding (?:\w+ ){0,4}?(?:won't|will not|doesn't|does not|isn't|hasn't|that won't|and it won't|and won't) (?:stop|stopped|slow|slowing)|won't stop bleeding|(?:coughing|vomiting|throwing) up blood|(?:is |he's |she's )?not breathing|stopped breathing|turning blue|(?:numb|numbness|weak|weakness) (?:on|in) (?:one|the (?:left|right)) side|slurred speech|worst headache of my life|seizing)\b/;

const PAST = /\b(?:in (?:college|high school|my (?:teens|twenties|20s|thirties|30s))|\d+ (?:years?|months?) (?:out|clean|sober|later)|(?:was|were|got|is) resolved|turned out (?:to be|it was)|last (?:year|month|week|spring|summer|fall|winter|time)|years? ago|months? ago|weeks? ago|back in|in (?:19|20)\d\d|used to|when i was|history of|in the past|previously|recovered from|survived|got through|helped me (?:through|with|get)|saved (?:my|his|her) life|asked (?:me )?(?:if|whether)|screened|screening|had a (?:heart attack|stroke|seizure)|after my (?:heart attack|stroke))\b/;
const NOW = /\b(?:right now|now|currently|still|tonight|today|at the moment|getting worse|this morning|since (?:this morning|last night|yesterday|an hour))\b/;
/** Figures of speech that contain crisis words. */
const IDIOM = /\b(?:makes? me want to die|\w+ (?:is|are|was|were) killing me|(?:could|would) kill for|kill for an?\b|(?:die|died|dying) (?:of|from) (?:embarrassment|boredom|laughter|laughing|shame|cuteness)|(?:wait|line|music|paperwork|bill|price|hold)\w* (?:is|was) killing me|(?:i'd|i would|could) (?:rather )?die (?:of|from) (?:boredom|embarrassment)|bored to death|dying (?:to|for) (?:get|see|try|know)|killing it|killed it|died laughing|to die for|(?:is|was|be|it's) (?:basically |pure |literally )?suicide (?:during|on|in|at|to)|(?:career|social|financial) suicide|thought i was (?:turning blue|dying|going to die) (?:haha|lol|lmao)|(?:haha|lol|lmao)\b.*\b(?:turning blue|dying))\b/;

/** The writer says the crisis is over ("doing great now", "it gets better"), so a past mention is not current. */
const RECOVERED = /\b(?:doing (?:so |much |a lot )?(?:great|well|better|good|fine|ok|okay)|in a (?:better|good) place|(?:don't|do not) give up|it gets better|(?:years?|months?) (?:out|clean|sober)|grateful|thankful|thank you|saved my life)\b/;

/** A lethal means at hand, said about oneself ("my husband's pistol next to me"). */
const MEANS = /\b(?:have|got|holding|with|keep) (?:a |my |the |his |her |my \w+'s |\w+'s )?(?:gun|pistol|rifle|revolver|shotgun|razor|blade|knife|rope) (?:next to|beside|in (?:my|front of)|with me|on my lap|loaded|ready)\b/;


/** Contractions typed without apostrophes ("cant", "im", "isnt"), restored so one set of patterns serves both. */
const BARE_CONTRACTION = /\b(?:(cant|dont|wont|isnt|wasnt|doesnt|didnt|couldnt|wouldnt|shouldnt|havent|hasnt|arent|aint|theres|thats|whats|shes|hes|ive|im|youre|theyre|id)|(?<=\b(?:i swear|then|and|or|so|now|i think|maybe) )(ill))\b/g;
const APOS: Readonly<Record<string, string>> = {
  cant: "can't", dont: "don't", wont: "won't", isnt: "isn't", wasnt: "wasn't", doesnt: "doesn't", didnt: "didn't",
  couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't", havent: "haven't", hasnt: "hasn't", arent: "aren't",
  aint: "ain't", theres: "there's", thats: "that's", whats: "what's", shes: "she's", hes: "he's", ive: "i've", im: "i'm",
  youre: "you're", theyre: "they're", id: "i'd", ill: "i'll",
};
const restore = (w: string): string => APOS[w] ?? w;

/** Indirect ideation, burden and finality cues. */
const IDEATION = /\b(?:(?:nobody|no one|no1|noone|anyone) (?:would|will|'d) (?:even )?(?:notice|care|miss me) if i (?:was|were|died|disappeared|left|killed|was gone|were gone)|(?:nobody|no one) (?:would|will) (?:even )?miss me|(?:every(?:one|body)|the world|my (?:family|kids|husband|wife|parents)|they|people) (?:would|will|'d) be (?:so much |much |a lot )?(?:better off|happier|a better place) (?:without me|if i (?:was|were|wasn't|weren't)|with me gone)|(?:world|place) (?:would|will) be (?:a )?better (?:place )?without me|(?:go to sleep|fall asleep) and (?:never|not) wake up|(?:tired|sick) of (?:living|being alive|existing|life)|life (?:isn't|is not|ain't|is no longer) worth (?:living|it)|(?:no|don't see a|can't see a|there's no|there is no) way out (?:except|but|other than)|(?:i'm|i am|i feel like) (?:just )?a burden|want (?:the|all the|this) pain to (?:stop|end) (?:forever|for good|permanently)|no reason (?:for me )?to be (?:alive|here|around)|nothing (?:left )?for me (?:here|anymore)|(?:i'm|i am) (?:so |just )?done with (?:everything|life|it all|living)|(?:keep|been|started|always) thinking (?:about|of) (?:ending|killing|dying)|tonight is the night|(?:it's|its|it is|it'll be|it will be) (?:all )?over (?:tonight|soon|today)|(?:tonight|soon) (?:it's|its|it is|it will be|it'll be) (?:all )?over|(?:said|saying|say) my goodbyes?\b|(?:said|saying|say) goodbye to (?:my (?:kids|children|family|wife|husband|parents)|everyone)(?! (?:at|here|there))|goodbye (?:everyone|everybody|all|world|cruel world)|(?:wrote|writing|written|left) (?:a |my )?(?:suicide |goodbye |last )?(?:letters?|notes?) (?:to|for) (?:my (?:kids|children|family(?! doctor)|wife|husband|parents|mom|dad|son|daughter|partner)|everyone)|because i (?:won't|will not) (?:need|be needing|be (?:here|around)) |(?:won't|will not) be (?:around|here) (?:much )?(?:longer|anymore)|(?:looked up|googled|googling|searched|researching|looking up) how (?:many|much) (?:\w+ ){0,5}(?:it would take|to (?:die|overdose|kill|end))|(?:saving|stockpiling|collecting|hoarding) (?:up )?(?:my |some |enough )?(?:pills|meds|tablets|sleeping pills)|engine running in (?:the|a|my) (?:closed |locked |shut )?garage|(?:bought|buying|got) (?:a |the |myself a )?(?:gun|rope|pistol|razor blades?)(?: [\w']+){0,8} (?:going to|gonna) (?:use|do)|(?:don't|do not) see (?:a|any) way out)/;

/** Symptom clusters: two distinct ones in the same post, told in the present, are an emergency. */
const CLUSTERS: readonly RegExp[] = [
  /\b(?:chest (?:pain|pains|hurts|is (?:tight|pounding|hurting)|feels (?:tight|heavy)|pressure|tightness)|clutching (?:his|her|my|their) chest|my chest is pounding)\b/,
  /\b(?:sweating (?:a lot|buckets|heavily|so much|profusely)|(?:cold|clammy) sweat|is sweating|i'm sweating|clammy)\b/,
  /\b(?:(?:arm|jaw) (?:hurts|is hurting|pain|is numb)|pain in (?:my|his|her) (?:left )?(?:arm|jaw))\b/,
  /\b(?:wheez\w*|(?:can't|cannot|can not|barely|hardly) (?:breath|breathe|breathing)|short of breath|gasping)\b/,
  /\b(?:(?:lips|tongue|face|throat|eyes) (?:are|is) (?:huge|swollen|swelling|puffing)|swelling up)\b/,
  /\b(?:(?:can't|cannot|suddenly can't) (?:talk|speak|move (?:his|her|my)|feel (?:my|his|her) (?:arm|leg|face))|not making (?:any )?sense|(?:words|speech) (?:are |is )?(?:coming out )?(?:wrong|garbled|slurred)|(?:is|seems|very|really) confused|face (?:is )?droop\w*)\b/,
  /\b(?:throwing up|vomiting|keeps puking)\b/,
  /\b(?:hit (?:his|her|my|their) head|fell and hit)\b/,
  /\b(?:(?:is|went|gone|so|really) limp|(?:won't|will not|isn't) (?:feed|eat|nursing|wake)|lethargic|unresponsive)\b/,
  /\b(?:(?:newborn|infant|baby|\d+ (?:day|week|wk) old)(?: \w+){0,3} (?:fever|temp)|fever of 10[3-9]|10[4-9](?:\.\d)? (?:fever|temp)|blood sugar (?:is |of |at )?(?:[1-3]\d|[5-9]\d\d)\b)/,
  /\b(?:bleeding (?:a lot|heavily)|(?:\d+ weeks? )pregnant|bad cramps|blurry vision|vision is blurry|worst headache)\b/,
];
/** One scan before the eleven cluster patterns (exact: their union). */
const ANY_CLUSTER = unionOf(CLUSTERS);
const EMERGENCY_EXTRA = /\b(?:(?:isn't|is not|aren't|not|barely|hardly) breathing|collapsed and (?:is|isn't|won't|can't|he's|she's|not)|(?:is|he's|she's|keeps) choking|(?:can't|cannot) breath\b|(?:is|went|gone) limp|(?:lips|face) (?:are|is) (?:huge|blue)|won't wake up)\b/;

/** Threats stated as an outcome or a condition ("someone is going to get hurt", "if they deny me again ..."). */
const HARM_OUTCOME = /\b(?:someone|somebody|people|you|u|she|he|they|y'all|everyone|that \w+|the \w+|(?:someone|somebody|people) (?:at|in) (?:that|this|the|your) \w+) (?:is |are |'s |'re )?(?:going to|gonna|will|'ll) (?:get|be) (?:hurt|shot|killed|stabbed)\b/;
const DESERVES = /\b(?:going to|gonna|will|'ll) get what (?:s?he|they|you|u|he) (?:deserves?|has coming|have coming)\b/;
const CONDITIONAL = /\b(?:if|next time|one more time|i swear|i mean it|mark my words|i'm serious|i am serious|watch)\b/;
const KNOW_WHERE = /\bi know where (?:you|she|he|they|the \w+|that \w+|dr\.? \w+) (?:lives?|parks?|works?|sleeps?)\b/;
const REPORTED_THREAT = /\b(?:said|says|saying|told me|threatened|threatens|texted)(?: that)? (?:he|she|they)(?:'d| would|'ll| will| is going to|'s going to|'s gonna| was going to) (?:kill|hurt|shoot|stab|take) (?:me|us|the kids|my (?:kids|children|baby|son|daughter)|the baby|himself|herself)\b/;

/** Negated only when the negator is in the same short clause as the match ("i'm not suicidal"). */
function negatedNear(s: string, index: number, chars: number): boolean {
  const before = s.slice(Math.max(0, index - chars), index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(' and '), before.lastIndexOf(' but '), before.lastIndexOf('.'));
  return negatedBefore(cut >= 0 ? before.slice(cut + 1) : before, cut >= 0 ? before.length - cut - 1 : before.length, chars);
}

const REASONS: Readonly<Record<CrisisCode, string>> = {
  'urgent.self_harm': 'mentions suicidal thoughts or self-harm',
  'urgent.overdose': 'describes a possible overdose or poisoning',
  'urgent.medical_emergency': 'describes a medical emergency happening now',
  'urgent.violence': 'mentions a threat of violence',
};

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}

function current(s: string): boolean {
  return (!PAST.test(s) || NOW.test(s)) && isCurrent(s);
}

/** The learned crisis model (text/linear-model.ts, `npm run train urgent`): catches wordings the rules miss. */
const MODEL = new TextClassifier('urgent');

/** Dense features of the rules' result for the model. */
export function urgentDense(ruleCodes: number): Record<string, number> {
  return { rules_fired: ruleCodes > 0 ? 1 : 0, rule_codes: Math.min(3, ruleCodes) };
}

export function detectUrgent(input: DetectorInput): Flag[] {
  if (input.byPractice) return [];
  const text = input.title ? `${input.title}. ${input.text}` : input.text;
  const flags = urgentRules(text);
  // A rule hit always stands (a missed crisis is the costly failure); the model may only add one.
  if (rulesHaveLastWord(input, text, flags)) return flags;
  const p = MODEL.probability(normalize(text), urgentDense(0));
  if (!MODEL.decide(p, 'silent')) return flags;
  return [{ category: 'urgent', severity: 'critical', code: 'urgent.possible_crisis', reason: 'may describe a crisis happening now (wording learned from examples)' }];
}

/** The hand-written crisis rules alone (exported for training and evaluation). */
export function urgentRules(text: string): Flag[] {
  const found = new Map<string, string>();
  const norm = normalize(text).replace(BARE_CONTRACTION, restore);
  const sents = sentences(norm);
  // frames are evaluated only once a crisis pattern matched (most text matches none)
  let postFrame: { recovered: boolean; joking: boolean } | undefined;
  const frame = () =>
    (postFrame ??= {
      recovered: (RECOVERED.test(norm) || RECOVERED_CUE.test(norm)) && (PAST.test(norm) || PAST_CUE.test(norm)),
      joking: HUMOR.test(norm),
    });
  let clusters = 0;
  for (const s of sents) {
    const selfHarm = SELF_HARM.exec(s);
    const ideation = IDEATION.exec(s);
    const overdose = OVERDOSE.exec(s);
    const emergency = EMERGENCY.exec(s) ?? EMERGENCY_EXTRA.exec(s);
    let cl = 0;
    if (ANY_CLUSTER(s)) for (let k = 0; k < CLUSTERS.length; k++) if (CLUSTERS[k]!.test(s)) cl |= 1 << k;
    const means = MEANS.test(s);
    const violent = THREAT.test(s) || WEAPON.test(s) || VICTIM_THREAT.test(s) || STALK_THREAT.test(s) || HARM_OUTCOME.test(s) || KNOW_WHERE.test(s) || REPORTED_THREAT.test(s) || (DESERVES.test(s) && CONDITIONAL.test(s));
    if (!selfHarm && !ideation && !overdose && !emergency && !cl && !means && !violent) continue;
    if (IDIOM.test(s)) continue;
    if ((GENERIC.test(s) || IDIOM_CUE.test(s)) && !NOW_STRONG.test(s)) continue;
    const { recovered, joking } = frame();
    if (joking) continue;
    const now = current(s);
    if (selfHarm && !negatedNear(s, selfHarm.index, 20) && now && !recovered) found.set('urgent.self_harm', REASONS['urgent.self_harm']);
    if (ideation && !negatedNear(s, ideation.index, 12) && now && !recovered) found.set('urgent.self_harm', REASONS['urgent.self_harm']);
    if (overdose && !negatedNear(s, overdose.index, 16) && now) found.set('urgent.overdose', REASONS['urgent.overdose']);
    if (emergency && !negatedNear(s, emergency.index, 16) && now) found.set('urgent.medical_emergency', REASONS['urgent.medical_emergency']);
    if (now) clusters |= cl;
    if (means) found.set('urgent.self_harm', REASONS['urgent.self_harm']);
    if (violent) found.set('urgent.violence', REASONS['urgent.violence']);
  }
  if (popcount(clusters) >= 2 && !found.has('urgent.medical_emergency')) found.set('urgent.medical_emergency', REASONS['urgent.medical_emergency']);
  for (const code of detectCrisis(norm, sents)) if (!found.has(code)) found.set(code, REASONS[code]);
  return [...found].map(([code, reason]) => ({ category: 'urgent' as const, severity: 'critical' as const, code, reason }));
}

export const urgentDetector: DetectorDefinition = {
  id: 'urgent',
  // 3: the learned crisis model may add `urgent.possible_crisis` when no rule fires.
  version: 3,
  category: 'urgent',
  detect: (input) => detectUrgent(input),
};
