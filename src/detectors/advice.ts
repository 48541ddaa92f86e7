// `advice`: someone asks, in public, for individual medical advice ("should I stop my meds?", "is this rash
// normal after my surgery?"). A question form that asks what to do about one's own (or a relative's) health,
// AND a health subject in the same or the previous sentence. Complaints phrased as questions ("why does nobody
// answer the phone?", "is it normal to wait two hours?") are not advice-seeking.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Entity, Flag } from '../core/types.ts';
import { findHealth } from './pii/health.ts';
import { rulesHaveLastWord, TextClassifier } from './text/linear-model.ts';
import { normalize, sentences } from './text/tokenize.ts';
import { unionOf } from './union.ts';

/** Asking what to do / whether something is normal. Strong forms count without a question mark. */
const ASK_STRONG = /\b(?:what (?:should|do|can|could|would) (?:i|we) (?:give|take|use|try|eat|drink|avoid|put|expect|look (?:out )?for|watch for)\b|(?:does )?(?:any ?one|anybody|someone|somebody) (?:\w+ )?know (?:if|whether|what|how|why|when|of a way)|(?:do|does|will|would) (?:i|we|he|she|they|my \w+) (?:really |still |even )?(?:need|have) to (?:go to|see|get|take|be seen|call)|(?:need|have) to (?:go to|take (?:him|her|them|my \w+) to) (?:the )?(?:er|emergency|urgent care|hospital)|(?:is|are) (?:this|that|it|these|those)? ?(?:normal|ok|okay|safe|serious) or (?:do|should|can|is|am|does)|what (?:could|would|might|can|is|could be|might be) (?:be )?caus\w*|(?:what's|whats|what is) (?:a |the )?(?:normal|safe|healthy|good|max\w*|right|usual|recommended) (?:\w+ ){0,3}(?:rate|dose|dosage|level|range|amount|number|reading|pressure|temp\w*|weight)|how (?:much|many) (?:\w+ ){0,3}(?:is|are) (?:too much|too many|safe|ok|okay)|pls help|please help|should (?:i|we|my \w+|he|she) (?:\w+ )?(?:be taking|be on|taking|stop|start|keep|continue|take|quit|skip|double|increase|decrease|lower|up|go|get|see|call|worry|be worried|be concerned|be scared|ask|try|wait|use|switch|change|avoid|ice|put|push|come|head|rush|bring|give|eat|drink|still|just)|(?:any|need|needing|want|looking for|seeking|appreciate any|would appreciate|would love|welcome) (?:\w+ )?(?:advice|suggestions|thoughts|tips|input|opinions|guidance)|please (?:advise|help me understand)|what (?:should|do|can|would) (?:i|we) do\b|what would you (?:do|recommend|suggest)|i was wondering (?:if|whether) (?:i|it|this|my)|wondering if (?:i|it|this|my|anyone))\b/;
const ASK_QUESTION = /\b(?:(?:does|do|could|can|should) (?:i|he|she|we|my \w+)\b|is (?:this|it|that) (?:a |an |just |my )?(?:\w+ ){0,2}\w+(?= ?\?)|(?:can|could|should) (?:it|this|that) (?:wait|go away|heal|clear up)|(?:can|could|may|should) (?:you|one|i|we|he|she) (?:\w+ )?(?:take|use|wait|leave|ignore|treat|go|sleep|breastfeed|nurse|smoke|vape|get|see|mix|combine|drink)\b|is (?:my |this |that |the |a |an )?[\w' .-]{1,40}? (?:normal|safe|ok|okay|dangerous|serious|something to worry about|a concern|concerning|contagious|infected|too (?:high|low|soon|early))|does (?:a|an|my|this|the|his|her) [\w' .-]{1,30}? (?:need|require|mean|warrant)|is (?:it|this|that|there) (?:\w+ )?(?:normal|safe|ok|okay|alright|dangerous|bad|serious|common|typical|something|an emergency|infected|contagious|cancer|a sign|a side effect|worth|too (?:soon|early|late|much)|possible|likely|supposed)|are (?:these|they|those) (?:normal|safe|ok|okay|dangerous|serious|side effects|symptoms|signs)|(?:can|could|may) (?:i|we|my \w+|he|she) (?:\w+ )?(?:take|stop|drink|mix|eat|exercise|skip|double|use|combine|still|safely|go back|shower|swim|lift|drive|fly|get|have|give|return|work|run|start)|(?:what|which) (?:\w+ )?(?:should|can|could|do) (?:i|we) (?:take|use|do|try|give|expect)|(?:what|which) (?:medication|medicine|meds|dose|dosage|cream|ointment|antibiotic|pill|treatment|doctor|specialist)|do (?:i|we|you think i) (?:need|have|still need|really need)|does (?:this|that|it|my \w+) (?:sound|look|seem|mean|need)|how (?:much|many|often|long|soon) (?:should|can|do|until|before|will|does)|how (?:do|can|should) (?:i|we) (?:get rid|treat|stop|know|tell|manage|deal|handle|make|prevent|relieve|ease)|(?:could|can|might|would) (?:this|it|that|these) (?:be|mean|indicate|cause|be related)|am i (?:having|pregnant|allergic|sick|contagious|overdosing|dying|ok|okay|at risk|supposed|normal|overreacting)|when (?:should|can|do) (?:i|we)|what (?:does|do|could) (?:this|that|these|my|it) (?:\w+ )?(?:mean|indicate)|why (?:do|does|am|is|would) (?:i|my)\b|has anyone (?:else )?(?:had|experienced|gotten|taken|been|dealt|tried|noticed)|anyone (?:else )?(?:had|have|experience|experienced|know|tried|dealt)|is there (?:anything|something|a way) (?:i|we) can|how bad is|will (?:it|this|i|my \w+) (?:go away|heal|get better|scar|hurt|affect|need))\b/;

/**
 * An interrogative at the start of a clause asks something even without "?" ("can i just wait it out", "or do i stop
 * taking it"): a modal or "do/is" + a first-person or symptom subject.
 */
const CLAUSE_QUESTION = /(?:^|[,;]\s*|\b(?:or|and|so)\s+)(?:just |really |honestly )?(?:(?:should|can|could|do|does) (?:i|we|he|she|my \w+)|(?:do|does) (?:i|he|she|my \w+) (?:need|have to)|is (?:it|this|that) (?:normal|safe|ok|okay|serious|bad|dangerous)|how (?:long|soon) (?:until|before|should|will|does))\b/;
/** "normal?", "normal or call the surgeon?": a bare check question. */
const BARE_CHECK = /(?:^|[\s.,])(?:is (?:this|that|it) )?(?:normal|ok|okay|serious|concerning|dangerous|safe)(?: or [^?]{1,50})?\?/;


/**
 * Informal questions typed without "?": an interrogative opening a clause ("how much tylenol can i give"), or a
 * check question anywhere ("... is that normal", "... am i pregnant", "does that mean").
 */
const NO_MARK_QUESTION = /(?:^(?:how (?:much|many|long|soon|often|do|can|should|is|are|bad)|what (?:does (?:it|this|that) mean|happens (?:if|when) (?:i|you|we|my)|(?:can|should|could|do) (?:i|we))|when (?:should|can|do|is)|is (?:it (?:ok|okay|bad|normal|safe|possible|too|\w+ to)|\d+|my)|are (?:these|they|those)|can (?:i|you|we)|does (?:that|this|it|anyone|anybody|my)|do (?:i|you|we)|should (?:i|we)|(?:is it )?ok(?:ay)? to)\b|\b(?:at what point|is (?:that|this|it) (?:normal|ok|okay|safe|bad|serious|contagious)|am i (?:pregnant|allergic|contagious|overreacting|dying|ok|okay)|does (?:that|this|it) mean|(?:ice|heat|er|urgent care) or (?:heat|ice|wait|urgent care|er)))/;
const ASK_INFORMAL = /\b(?:(?:any ?one|anybody) else (?:get|have|had|experience|notice|feel|deal|dealt)|(?:what happens|what does it mean) (?:if|when) (?:i|you|we|my|your|a baby|a child)\b|at what point (?:do|should|can) (?:i|we)|tips (?:for|on) (?:dealing|managing|coping|handling|getting)|(?:is it )?ok(?:ay)? to (?:give|take|use|mix|skip|stop|drink|eat))\b/;

/** A health subject: medications, symptoms, body parts, procedures, results, conditions. */
const HEALTH = /\b(?:med|meds|medication|medications|medicine|pills?|tablets?|dose|doses|dosage|mg|prescription|prescribed|antibiotics?|ibuprofen|tylenol|acetaminophen|advil|motrin|aspirin|aleve|naproxen|insulin|metformin|lisinopril|amlodipine|atorvastatin|statins?|xanax|zoloft|sertraline|prozac|lexapro|wellbutrin|adderall|gabapentin|prednisone|steroids?|amoxicillin|birth control|the pill|iud|inhaler|blood thinners?|warfarin|eliquis|vitamins?|supplements?|benadryl|melatonin|rash|hives|fever|temperature|cough|coughing|pain|painful|ache|aches|aching|hurts?|hurting|sore|swollen|swelling|bleeding|blood|bruise|bruising|lump|bump|mole|itch|itchy|itching|dizzy|dizziness|lightheaded|nausea|nauseous|vomit|vomiting|throwing up|diarrhea|constipat\w*|headaches?|migraines?|infection|infected|pus|stitches|incision|wound|scar|surgery|post-?op|procedure|biopsy|shot|vaccine|vaccinated|booster|flu|covid|strep|sinus|throat|chest|stomach|belly|abdomen|back|knee|shoulder|hip|ankle|wrist|neck|eyes?|ears?|skin|pregnant|pregnancy|period|spotting|discharge|cramps|cramping|side effects?|symptoms?|test results|lab results|results|labs|blood ?work|a1c|cholesterol|blood pressure|blood sugar|glucose|x-?ray|mri|ct scan|ultrasound|diagnosis|diabetes|diabetic|asthma|anxiety|depression|panic attacks?|heart|palpitations|thyroid|kidney|liver|allergy|allergies|allergic|tooth|teeth|gums|fracture|sprain|sprained|broken|burn|bite|sting|concussion|uti|std|sti|yeast|numb|numbness|tingling|fatigue|tired|exhausted|insomnia|sleep|weight|baby|newborn|toddler|breastfeeding|formula|spots?|bumps|lesion|cyst|swallow|breathing|wheezing|tumor|cancer|chemo|antidepressants?|cold turkey|vasectomy|colonoscopy|c-section|stent|hernia|repair|extraction|tubes|eczema|psoriasis|acne|hives|teething|newborn|stool|physical therapy|pt|healing|heal|recovery|recovering|sick|ill|virus|bacterial|contagious|pee|urine|poop|stool|pooped|pooping|tests?|congest\w*|runny nose|sneez\w*|tonsils|viral|shingles|lupus|strep|blister\w*|bled|bandage|gaping|tick bite|eye ?drops|pink ?eye|ear infection|antacids?|heartburn|reflux|snor\w*|apnea|sleep study|heart ?rate|pulse|droop\w*|drool\w*|palsy|swell\w*|redness|tetanus|flu shot|plan b|morning after pill|accutane|sudafed|claritin|zyrtec|allegra|nyquil|dayquil|mucinex|pepto|imodium|miralax|tums|dramamine|nsaids?|opioids?|oxy\w*|tramadol|antihistamines?|decongestants?|muscle relaxers?|the er|emergency room|urgent care|food poisoning|periods|miscarri\w*|contractions|in labor|weeks pregnant|pregnan\w*|breastfed|diaper|rolled off|hit (?:his|her|my) head|gall ?bladder|appendix|tonsil\w*|bones?|joints?|muscles?|cramp|a cold|mild cold|chest cold|\w+(?:itis|osis|emia|ectomy|otomy|oscopy|plasty|olol|sartan|statin|prazole|mycin|cillin|cycline|floxacin|azole|dipine|triptan|codone|oxetine|zepam|zolam|tidine|lukast|gliptin|glutide|formin|isone|olone|thyroxine|afil)|(?:no|la|mi|to|ze|na)pril|(?:neuro|myo|retino|cardiomyo)pathy|(?:my|neur|arthr|fibromy)algia|(?:carcin|melan|lymph|sarc|glauc|hemat|fibr|lip|myel)oma|(?:cital|escital)opram|methadone)\b/;
/** Being on a drug ("while on accutane", "since starting lexapro"). */
const ON_DRUG = /\b(?:while (?:on|taking)|since (?:starting|stopping|i started|i stopped)|started (?:a |an |on |taking )?(?:new )?\w+|(?:put|am|i'm|been) on (?:\w+ )?\w+ (?:for|and))\b/;

/** Questions about the practice's service, not about health. */
const SERVICE = /\b(?:(?:no ?one|nobody|anyone) (?:answer|answers|pick|picks|call|calls|return|returns|work|works)|phone|call(?:ed)? back|front desk|receptionist|staff|waited|waiting room|wait(?:ing)? (?:time|times|\d|for (?:a|an|my|the) (?:appointment|call|doctor|callback))|on hold|how many times|refill|appointment|appt|schedul\w*|bill|billing|billed|charge|charged|insurance|copay|refund|parking|customer service|rude|(?:running|ran|always|very|so|show(?:ed)? up) late|late (?:again|every|for (?:my|the|an?) (?:appointment|appt|visit))|\d+ min\w* late|office hours|opening hours|your hours|open|this (?:place|office|practice|clinic)|you people|how is this|how are you|is this how|who (?:runs|hired|trained)|what happened to|is it too much|would it kill|how (?:hard|difficult) is it|call (?:\w+ ){1,2}back|messages|voice ?mails?|(?:do|does) (?:you|they|y'all|the (?:office|clinic|practice)|dr\.? \w+) (?:do|offer|take|accept|have|see|give|still)|walk-?ins?|(?:open|closed|hours) (?:on )?(?:saturdays?|sundays?|weekends?|evenings?|holidays?))\b/;
/** Asking for advice about a provider (which doctor, where to go) is not a medical question either. */
const PROVIDER_CHOICE = /\b(?:should i (?:go back|return|switch|find|leave|stay|trust|give (?:them|him|her|this (?:place|office|doctor|practice)) (?:another|a second|one more) (?:chance|try|shot))|(?:recommend|know) (?:a|any) (?:good )?(?:doctor|dentist|pediatrician|practice|dermatologist|specialist))\b/;

const CLINICAL_QUESTION = /\b(?:should (?:i|we)|can (?:i|we)|is (?:it|this) (?:normal|safe|ok|okay))\b[^?]*\b(?:take|stop|rash|fever|pain|bleeding|swelling|dose|meds|medication|symptoms?|infect\w*|vomiting|breathing)\b/;

const MEDICATION = /\b(?:med|meds|medication|medications|medicine|pills?|tablets?|dose|doses|dosage|mg|prescription|prescribed|antibiotics?|ibuprofen|tylenol|acetaminophen|advil|motrin|aspirin|aleve|naproxen|insulin|metformin|lisinopril|amlodipine|atorvastatin|statins?|xanax|zoloft|sertraline|prozac|lexapro|wellbutrin|adderall|gabapentin|prednisone|steroids?|amoxicillin|birth control|the pill|inhaler|blood thinners?|warfarin|eliquis|benadryl|melatonin|vitamins?|supplements?|side effects?)\b/;
const PROCEDURE = /\b(?:surgery|post-?op|procedure|biopsy|stitches|incision|operation|removal|extraction|c-section|vasectomy|colonoscopy|injection|shot|vaccine|after my \w+ (?:surgery|procedure|removal|extraction))\b/;
const RESULTS = /\b(?:test results|lab results|results|labs|blood ?work|a1c|x-?ray|mri|ct scan|ultrasound|numbers|levels)\b/;

/**
 * Requests for guidance that need no question form: "i need to know if…", "can someone tell me…", "any advice on…",
 * "what would you recommend for…", "how do i get rid of…", "what are my options", "need help deciding…".
 */
const ASK_REQUEST = /\b(?:i (?:need|want|have) to know (?:if|whether|what|how|when|why)|(?:can|could|would|will) (?:some|any) ?(?:one|body) (?:please )?(?:tell|explain|help|advise|let)|(?:^|please |pls |just |someone |anyone |somebody |anybody )tell me (?:if|whether|honestly|what|how|why|when)|(?:any|some|appreciate|love|like|welcome|need|want|seeking|looking for)(?: some| any| your)? (?:advice|tips|ideas|suggestions|thoughts|input|recommendations|guidance|opinions|help)\b(?! (?:for|to) (?:the|this|your) (?:office|practice|staff|manager|front desk))|(?:advice|suggestions|input|recommendations|guidance|opinions) (?:on|for|about|regarding|re)\b|need help (?:deciding|figuring|knowing|understanding|with)|what (?:would|do|did) you (?:recommend|suggest|advise|do|use|take|give|think)|how (?:do|can|should|would|did) (?:i|we|you|people|others) (?:\w+ )?(?:get rid|treat|taper|wean|cure|fix|soothe|relieve|stop|calm|reduce|lower|bring down|come off|get off|manage|cope|handle|deal|get relief|get through|survive)|what(?:'s| is| are) (?:the )?best (?:thing|way|treatment|remedy|option|medicine|cream|otc)|what are (?:my|our|his|her|their|the) (?:options|choices|next steps)|what (?:do|should|can|could) (?:i|we) (?:even )?do\b|wondering (?:if|whether) (?:i|my|it|this|we|he|she|that)\b|wondering what (?:to|i|we|people|others|you) (?:do|give|take|use|should)|what (?:should|can|could|do) (?:i|we) (?:be )?(?:doing|giving|taking|give|take|use)|what (?:can|should|could|do) (?:i|we) (?:give|get) (?:him|her|them|my \w+)|do (?:i|we|you|they) need to (?:go|get|see|take|call|come|bring)|(?:any ?one|any ?body|any of you) (?:have|had|got|with) (?:any )?experience|quick question|(?:is|are) [\w' -]{1,40}? (?:safe|ok|okay|dangerous|bad) (?:during|while|with|for|in|at|if|after)|how long (?:does|do|will|until|before|should|is|are)|how (?:many|soon) [\w' -]{0,40}?(?:before|until|after|can|should)|or (?:ride|wait|sleep|tough) it out|or (?:wait|hold off) (?:for|until|and)|or (?:go|head) (?:to|in)\b|(?:go to|see|call) (?:a|an|the|my) [\w-]+ or (?:wait|just)|is (?:that|this|it) (?:low|high|bad|worrying|worrisome) enough|should (?:i|we) be (?:worried|concerned|doing)|what does (?:that|this|it) mean for)/;
/** Whole-post appeals typed at the end: "help!!", "thoughts?", "ideas?". */
const ASK_TAIL = /(?:^|[\s.,!])(?:help+|thoughts|ideas|advice|suggestions|anyone|opinions|input)\s*(?:!{1,}|\?+[!?]*|\?*!+)\s*$|^help\b[!. ]/;
/** A question opened by an interrogative or auxiliary (about a health subject, checked separately). */
const OPENS_QUESTION = /^(?:is|are|can|could|should|will|do|does|am|how|what|which)\b(?!['’]t)/;
/** Without "?", only an auxiliary + a personal or symptom subject reads as a question ("is my…", "can i…", "does it…"). */
const OPENS_QUESTION_BARE = /^(?:is|are|can|could|should|will|do|does|am)\b(?!['’]t) (?:i|my|it|this|that|these|those|we|he|she|they|our|his|her|a|an)\b/;
/** "do gallstones go away on their own or is surgery the only option": an either-or question without "?". */
const OPENS_OR = /^(?:is|are|can|could|should|will|do|does)\b(?!['’]t) [^.!]{1,80}\bor (?:is|are|do|does|should|can|will|would|just|wait|go)\b/;
const HELP_FIRST = /^help\b/;
/** Rhetorical complaint openers ("why did it take six weeks…", "why can't anyone…"). */
const RHETORICAL = /^am i the only\b|^(?:(?:[\w']+ ){0,3}[,:]\s*)?why (?:did|does|do|is|are|was|were|would|can't|cant|won't|wont|couldn't|didn't|doesn't|isn't|on earth|the hell|in the world) (?:it|they|you|nobody|no one|anyone|someone|the|this|your|a |he |she |dr|staff)/;
/** Someone personal is involved: the writer or their relative. */
const PERSONAL = /\b(?:i|i'm|i've|i'd|im|me|my|mine|we|we're|our|us|he|she|him|her|his|hers|they|them|their)\b/;
/** Extra symptom and body words the health lexicon leaves out. */
const BODY = /\b(?:eyelids?|scalp|nails?|skin|gums?|jaw|groin|armpit|nipples?|phlegm|mucus|snot|ringing|flutter\w*|swallowed|choking|fainted|passed out|bluish|yellowish|jaundice\w*|bruised|limping|limp|lethargic|fussy|won't (?:eat|drink|stop crying)|not (?:eating|drinking|himself|herself)|confus\w+|forgetful|moles?|warts?|boils?|\w*worms?|lice|nits|scabies|bed ?bug bites|splinter|callus|bunion|corn|flat head|soft spot|rash\w*|burns?|scald\w*|welts?)\b/;
/** The writer asks for themselves or a relative about a named practice service: not health advice. */
const PROVIDER_WHICH = /\b(?:which|what) (?:doctor|dr|provider|np|pa|specialist|dentist|pediatrician|surgeon|one)\b|\bdr\.? \w+ or dr\b|\banywhere but here\b/;

/** A health subject in `t`: the vocabularies here, or one of the post's health mentions (`terms`). */
function health(t: string, terms: readonly string[]): boolean {
  return HEALTH.test(t) || BODY.test(t) || (terms.length > 0 && terms.some((w) => t.includes(w)));
}

/** The ask patterns that count on their own in any sentence, as one scan (they are OR-ed, so a union is exact). */
const ASK_ANY = unionOf([ASK_STRONG, ASK_INFORMAL, CLAUSE_QUESTION, BARE_CHECK, ASK_REQUEST]);

/**
 * Does sentence `s` ask something: a strong or informal ask, a clause or bare check question, a request for
 * guidance (see ASK_REQUEST), a question form (with "?" or an informal opener) about a health subject, an appeal
 * opening or closing the post ("help!", "thoughts?"), or a question opened by an interrogative (opensQuestion).
 */
function asks(s: string, post: string, first: boolean, last: boolean, terms: readonly string[]): boolean {
  if (ASK_ANY(s)) return true;
  const mark = s.includes('?');
  if (mark) {
    if (ASK_QUESTION.test(s)) return true;
  } else if (NO_MARK_QUESTION.test(s) && (ASK_QUESTION.test(s) || HEALTH.test(s))) return true;
  return (last && ASK_TAIL.test(s)) || (first && HELP_FIRST.test(s)) || opensQuestion(s, post, terms);
}

/**
 * A question about a health subject by someone personally involved: the clause holding the "?" opens with an
 * interrogative ("tell me honestly, is a … bad news?"), or is a bare health noun ("inhaler?"); without "?", an
 * auxiliary + subject or an either-or question opens the sentence.
 */
function opensQuestion(s: string, post: string, terms: readonly string[]): boolean {
  const q = s.indexOf('?');
  let opens: boolean;
  if (q >= 0) {
    const clause = (s.slice(0, q).split(CLAUSE_SPLIT).pop() ?? s).trim();
    opens = OPENS_QUESTION.test(s) || OPENS_QUESTION.test(clause) || (SHORT_CLAUSE.test(clause) && health(clause, terms));
  } else opens = OPENS_QUESTION_BARE.test(s) || OPENS_OR.test(s);
  return opens && !RHETORICAL.test(s) && PERSONAL.test(post) && health(s, terms);
}
const CLAUSE_SPLIT = /[,;:]\s*/;
const SHORT_CLAUSE = /^[\w'-]+(?: [\w'-]+){0,2}$/;

/** Lower-cased health spans of the text, from the shared entity finder (analyze's context) or run here. */
function healthTerms(text: string, entities: readonly Entity[] | undefined): string[] {
  const out: string[] = [];
  for (const e of entities ?? findHealth(text)) {
    if (e.type !== 'health') continue;
    const t = normalize(text.slice(e.start, e.end)).trim();
    if (t.length >= 2 && !out.includes(t)) out.push(t);
  }
  return out;
}

/** The learned advice-request model (text/linear-model.ts, `npm run train advice`): wordings the rules miss. */
const MODEL = new TextClassifier('advice');

export function detectAdvice(input: DetectorInput, entities?: readonly Entity[]): Flag[] {
  if (input.byPractice) return [];
  const text = input.title ? `${input.title}. ${input.text}` : input.text;
  const rules = adviceRules(input, entities);
  // A rule hit always stands: a dosing question inside a complaint is still a request that must not be answered.
  if (rulesHaveLastWord(input, text, rules)) return rules;
  // The model may add a request the rules missed, but only in a text that asks something: a drug review full of
  // symptoms is not a request.
  const norm = normalize(text);
  const verdict = adviceVerdict(0, norm);
  if (verdict === 'no_request') return rules;
  const p = MODEL.probability(norm, { rules_fired: 0 });
  if (!MODEL.decide(p, verdict)) return [];
  return [{ category: 'advice', severity: 'medium', code: 'advice.request', reason: 'asks publicly for individual medical advice' }];
}

/** A question mark or a request word: without one, the model may not add a request on its own. */
const REQUEST_CUE = /\?|\b(?:any (?:advice|ideas|tips|suggestions)|advice (?:please|pls|needed|appreciated)|(?:need|want|looking for) (?:some )?(?:advice|help|guidance|opinions)|should (?:i|we|my|he|she|they|it|this)\b|is (?:it|this|that) (?:normal|ok|okay|safe|bad|serious|something)|what (?:do|should|can|would) (?:i|we|you)|(?:has|have|did) any ?(?:one|body) (?:else )?(?:had|have|get|gotten|experienced|tried|dealt)|anyone else|(?:please|pls|plz) help|help me\b|idk what to do|don'?t know what to do|thoughts\b|wondering (?:if|whether|what|how)|do i (?:need|have to|go)|can i (?:take|still|use|mix|drink|eat|go)|(?:ok|okay|safe) to (?:take|mix|drink|stop|skip|use|go|double)|(?:go|going) to the (?:er|emergency room|urgent care) or)/;

/** The rules' verdict for the model: they fired; they did not but the text asks something; or nothing is asked. */
export function adviceVerdict(ruleFlags: number, norm: string): 'fired' | 'silent' | 'no_request' {
  if (ruleFlags > 0) return 'fired';
  return REQUEST_CUE.test(norm) ? 'silent' : 'no_request';
}

/** The hand-written request rules alone (exported for training and evaluation). */
export function adviceRules(input: DetectorInput, entities?: readonly Entity[]): Flag[] {
  if (input.byPractice) return [];
  const text = input.title ? `${input.title}. ${input.text}` : input.text;
  const norm = normalize(text);
  const sents = sentences(norm);
  let asked: string | null = null;
  let context = '';
  const terms = healthTerms(input.text, entities);
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i]!;
    if (!asks(s, norm, i === 0, i === sents.length - 1, terms)) continue;
    if (PROVIDER_CHOICE.test(s) || PROVIDER_WHICH.test(s) || PROVIDER_WHICH.test(i + 1 < sents.length ? sents[i + 1]! : '')) continue;
    // The health subject may be set up a sentence or two before the question, or right after it.
    const prev = sents.slice(Math.max(0, i - 2), i).join(' ');
    const next = i + 1 < sents.length ? sents[i + 1]! : '';
    const here = health(s, terms) || ON_DRUG.test(s);
    if (!here && !health(prev, terms) && !health(next, terms)) continue;
    // A service complaint phrased as a question ("is it normal to wait two hours for my blood work?").
    if (SERVICE.test(s) && !CLINICAL_QUESTION.test(s)) continue;
    asked = s;
    context = `${prev} ${s}`;
    break;
  }
  if (asked === null) return [];
  let code = 'advice.symptom';
  let reason = 'asks publicly for advice about symptoms';
  if (MEDICATION.test(context)) [code, reason] = ['advice.medication', 'asks publicly for advice about medication'];
  else if (PROCEDURE.test(context)) [code, reason] = ['advice.post_procedure', 'asks publicly for advice after a procedure'];
  else if (RESULTS.test(context)) [code, reason] = ['advice.test_results', 'asks publicly about test results'];
  return [{ category: 'advice', severity: 'medium', code, reason }];
}

export const adviceDetector: DetectorDefinition = {
  id: 'advice',
  // 2: the learned advice model may add `advice.request` when no rule fires.
  version: 2,
  category: 'advice',
  detect: (input, ctx) => detectAdvice(input, ctx.entities),
};
