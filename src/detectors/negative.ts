// `negative`: the post is negative about the practice, its staff or its care. A VADER-style lexicon score
// (healthcare-adjusted) plus complaint "aspects" that plain sentiment misses (long waits, no call-back,
// misdiagnosis, billing, rudeness, accusations of harm) give the reason codes; a small learned model
// (text/review-model.ts) weighs them with the wording for the verdict; the star rating counts when there is one.
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Flag, Severity } from '../core/types.ts';
import { negatedBefore } from './text/negation.ts';
import { LEXICON } from './text/lexicon.ts';
import { scoreSentence } from './text/sentiment.ts';
import { complaintProbability, isComplaint, isRatedComplaint, type RuleVerdict } from './text/review-model.ts';
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
  /** Skipped in a sentence whose lexicon score is above this (hedges such as "unfortunately" inside praise). */
  maxSentence?: number;
}

const N = String.raw`(?:not|never|no|didn't|didnt|did not|don't|dont|do not|doesn't|doesnt|does not|won't|wont|will not|wouldn't|wouldnt|would not|can't|cant|cannot|couldn't|couldnt|could not)`;

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
    re: /\b(?:rude(?:ly|ness|st)?|condescending|dismissive|arrogant|disrespectful|belittl\w*|patroni[sz]ing|unprofessional|snotty|snippy|nasty|hostile|uncaring|unfriendly|insensitive|cold and|very cold|(?:bad|poor|terrible|horrible|awful) attitude|bedside manner (?:is |was )?(?:terrible|awful|horrible|lacking|poor|bad|non-?existent|needs work)|(?:no|zero|terrible|poor|awful|horrible) bedside manner|rushed|treated (?:me |us |him |her |them |my \w+ )?(?:poorly|badly|horribly|terribly|like (?:dirt|garbage|trash|crap|a criminal|a drug seeker|an addict|a liar|an idiot|a child|a kid|a baby|a number|a burden|a nuisance|an inconvenience|(?:he|she|i|we) (?:was|were) (?:a |an )?(?:child|kid|idiot|criminal|baby|burden|nuisance)))|short with (?:me|us|people|patients|everyone)|(?:feel|felt|feels) like (?:a|just a|another) (?:number|burden|nuisance|inconvenience)|talk(?:ed|s)? down to|yell(?:ed|s|ing)? at|snapped at|scolded|lectured|rolled (?:her|his|their) eyes|made (?:me|us) feel (?:stupid|dumb|like|worthless|rushed|ashamed|small|crazy)|brushed (?:me|us|it|my \w+) off|(?:felt|feel) (?:rushed|dismissed|ignored|unheard|brushed off)|ignored (?:me|us|my|our))\b/,
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
  {
    code: 'negative.misdiagnosis', reason: 'says a diagnosis or treatment was wrong or missed', weight: 3,
    re: /\b(?:without (?:even )?(?:doing|ordering|running|checking|taking) (?:an? |any |my )?(?:\w+ )?(?:ekg|ecg|tests?|x-?rays?|exam|labs?|blood ?work|imaging|scans?|vitals)|(?:said|told (?:me|us)|diagnosed|sent (?:me|us|him|her) home with)[^.!?]{0,80}\b(?:and|but) it (?:was|turned out)|it was actually|(?:kept|keep) sending (?:me|us|him|her) home|sent (?:me|us|him|her) home (?:twice|again|three times|without)|googl\w* (?:my|the|his|her) (?:symptoms|condition|question)|(?:still )?(?:have|has|had) no idea what(?:'s|s| is) wrong|(?:\d+|two|three|four|five|different) (?:different )?(?:explanations|diagnoses|answers|stories))\b/,
  },
  {
    code: 'negative.rudeness', reason: 'complains about rude or dismissive treatment', weight: 2.5, negatable: true,
    re: /\b(?:curt|brusque|abrupt|cold|dismissed|(?:told|telling) (?:me|us|him|her) (?:to |i was |i'm |it was |it's |she was |he was )?(?:just |only |probably )?(?:stop being|being dramatic|overreacting|dramatic|exaggerating|in my head|all in my head|(?:just |probably )?anxiety|stress|calm down|toughen up|suck it up)|'?probably (?:just )?(?:anxiety|stress|nothing|a virus)'?|(?:getting|get|push\w*|rush\w*|hurr\w*|shuffl\w*) (?:me|us|patients|people) out (?:the door|of there|quickly|fast)|conveyor belt|assembly line|like a weather report|(?:show|have) some (?:respect|compassion|empathy|decency|humanity|courtesy|manners)|would(?:'ve| have) appreciated|(?:a little|some|more) (?:humanity|compassion|empathy|kindness|courtesy)|(?:didn't|did not|never|didnt) even (?:offer|bother|ask|look|check|apologi[sz]e|call|say|introduce|try)|(?:nobody|no one|noone) (?:says|said|even says) (?:hello|hi|a word)|(?:no|zero|never make) eye contact|could use (?:some |a lot of |more )?(?:training|work|lessons)|need(?:s)? (?:some |more |better )?(?:training|manners)|not ok(?:ay)?\b(?! with)|unreal|unacceptable|disgraceful|shameful|appalling)\b/,
  },
  {
    code: 'negative.no_callback', reason: 'says calls or messages go unanswered', weight: 3,
    re: /\b(?:(?:nobody|no one|noone) (?:ever )?(?:came|showed up|checked on|answered the call)|no one came when|call (?:light|button|bell)|asked (?:\d+|two|three|four|five|several|multiple|many) times|(?:\d+|two|three|four|five|several|many) (?:\w+ )?(?:days|weeks) (?:later|to (?:get|respond|reply|hear))|automated (?:response|reply|message)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|countless) (?:phone )?calls (?:to|and|later)|(?:nobody|no one|noone) (?:can|could|would|will) (?:explain|tell me|give me)|talk to each other|(?:no|without an?|didn't (?:call|get|provide) an?|never got an?) (?:\w+ )?interpreter)\b/,
  },
  {
    code: 'negative.wait_time', reason: 'complains about wait times', weight: 2.5, negatable: true,
    re: /\b(?:(?:earliest|next) (?:available )?(?:appointment|appt|opening|slot) (?:was|is|they had) (?:in |not until |\d|over |more than )|(?:weeks|months) out\b|took (?:literally |over |almost |nearly |about )?(?:\d+|two|three|four|five|six|seven|eight|several) (?:more )?(?:hours|weeks|months)|kept (?:getting )?(?:pushed back|postponed|delayed|bumped))\b/,
  },
  {
    code: 'negative.billing', reason: 'complains about billing or charges', weight: 2.5,
    re: /\b(?:(?:billed|charged) (?:\w+ ){0,3}(?:again|twice|two times|double|separately)|still getting (?:bills|billed|charged)|(?:still )?(?:haven't|hasn't|have not|has not|never) (?:fixed|resolved|corrected|refunded)|upsell\w*|(?:try|tries|tried|trying) to sell (?:me|us)|sales pitch|push(?:ed|es|ing|y)? (?:\w+ )?(?:products|supplements|vitamins|packages|procedures)|(?:no[- ]show|cancellation|late) fee|dispute)\b/,
  },
  {
    code: 'negative.privacy', reason: 'says the practice breached their privacy', weight: 3,
    re: /\b(?:hipaa|privacy (?:violation|breach)|(?:gave|give|handed) out (?:my|his|her) |(?:shared|disclosed|released|discussed|gave|told) (?:my|his|her) (?:\w+ ){0,2}(?:results|information|info|records|diagnosis|history) (?:to|with|in front of)|in front of (?:the whole|everyone in the) waiting room)/,
  },
  {
    code: 'negative.office', reason: 'complains about how the office is run', weight: 2.5,
    re: /\b(?:(?:couldn't|could not|can't|cannot) find (?:it|my \w+)|(?:was|were|is|are) (?:never|not) (?:sent|faxed|done|called in|submitted)|(?:said|told (?:me|us)) (?:\w+ ){0,5}(?:was|were|had been) (?:sent|faxed|done|called in|submitted)[^.!?]{0,20}\b(?:wasn't|was not|never|hadn't)|found out (?:\d+|two|three|a few|several) (?:days|weeks|months) later|lost (?:a lot of|so much|precious) time|hate the (?:system|process|billing|way)|(?:food|meals?|eggs|breakfast|dinner|lunch) (?:was|were|is|are) (?:\w+ )?(?:cold|awful|terrible|inedible|gross|disgusting|horrible|bad)|inedible|cold (?:food|eggs|meals?))\b/,
  },
  {
    code: 'negative.drug_ineffective', reason: 'says a treatment did not work or the side effects were not worth it', weight: 3, negatable: true,
    re: /\b(?:(?:does|did|do|doing) (?:absolutely )?nothing(?! wrong)|(?:didn't|did not|doesn't|does not|didnt|doesnt|never) (?:\w+ )?(?:work|help|relieve|do anything|do a thing|improve)|(?:didn't|did not|doesn't|does not) \w+ anything|(?:no|zero) (?:change|difference|improvement|relief)|exactly the same|stopped working|(?:not|isn't|wasn't) working|made (?:it|me|things|my \w+|everything) (?:\w+ )?worse|worse than (?:before|ever)|(?:can't|cannot|couldn't) (?:orgasm|sleep|function|focus|think straight)|barely function|(?:so|too|always|constantly) (?:tired|exhausted|drowsy|groggy|foggy|nauseous|dizzy|sick)|side effects (?:are|were) (?:awful|terrible|horrible|too much|unbearable|brutal)|not worth (?:it|the side effects)|(?:couldn't|can't|could not) (?:tolerate|handle|stand) (?:it|the)|had to (?:stop|quit|come off|switch)|(?:still|back) (?:hurt|hurts|hurting|in pain)|still (?:have|having) (?:\w+ )?(?:pain|headaches|migraines|symptoms)|too expensive|(?:can't|cannot|couldn't) afford|generic (?:doesn't|does not|isn't|is not|didn't|never) work|weight gain|gained \d+ (?:lbs|pounds))\b/,
  },
  {
    code: 'negative.sarcasm', reason: 'is sarcastic about the practice', weight: 3,
    re: /(?:\/s\b|\b(?:you'd think|thanks for nothing|thanks a lot|real(?:ly)? (?:great|nice|good) job|(?:wonderful|great|lovely|fantastic|awesome|amazing|stellar|brilliant) (?:\w+ ){0,2}(?:guys|system|people|folks|work|job)?, really|(?:lovely|great|wonderful|fantastic|brilliant|awesome) (?:system|service|work|job)\.|way to go|good times|love that for me|so much for)\b)/,
  },
  {
    code: 'negative.not_recommended', reason: 'warns others away from the practice', weight: 3,
    re: /\b(?:not a fan|not impressed|be careful|beware|wanted to (?:love|like) (?:this|it|them|her|him)|(?:expected|hoped for|deserve) (?:more|better)|(?:knock|knocking|knocked|dock|docking|docked|deduct\w*|minus) (?:off )?(?:a |one |two |some |the )?stars?)\b/,
  },
];

/**
 * Broad complaint phrasings, run as ONE combined alternation (one scan per sentence instead of one per aspect):
 * each aspect's pattern is a named group, so a hit maps back to its aspect.
 */
const EXTRA_ASPECTS: readonly Aspect[] = [
  {
    code: 'negative.misdiagnosis', reason: 'says a diagnosis or treatment was wrong or missed', weight: 3, maxSentence: 0.5,
    re: /\bturned out (?:to be|i had|it was|she had|he had)\b/,
  },
  {
    code: 'negative.disappointed', reason: 'says the visit or care fell short of what they expected', weight: 2.5,
    re: /\b(?:(?:really |seriously |desperately )?(?:needs?|need) to (?:work on|improve|fix|learn|figure out|get (?:their|it) together)|(?:i was |we were )?hoping for (?:more|better|a (?:\w+ )?(?:conversation|explanation|plan|answer))|instead (?:i|we) (?:got|were given|was given|received)|i expect(?:ed)? (?:a |the |my )?(?:doctor|nurse|staff|office|hospital|practice|more|better|at least)|(?:care|cares) more about [^.!?]{0,60} than|(?:give|giving|leave|leaving) (?:it )?(?:zero|0|no|negative|less than (?:one|1)) (?:stars? )?if i could|hard pass|never again|(?:so|too) long [^.!?]{0,30}?(?:that )?(?:i|we) (?:just |finally |eventually )?(?:left|walked out|gave up|went (?:home|elsewhere|to))|(?:i|we) (?:just )?(?:left|walked out) without being seen|still waiting[.!]*$|(?:trying|tried) to get [^.!?]{0,40} since (?:january|february|march|april|may|june|july|august|september|october|november|december|last \w+)|(?:checking|checked|looking at|looked at|kept (?:checking|looking at)) (?:his|her|their) (?:watch|phone|clock)|treated like (?:cattle|livestock|a herd|sheep|an animal|animals)|(?:herded|herd) (?:us|me|people|patients) (?:like|through)|(?:try|tries|tried|trying) to (?:get|make|talk|push|pressure) (?:me|us) (?:into|to) (?:sign(?:ing)? up|buy(?:ing)?|join(?:ing)?|pay(?:ing)?|purchas\w*)|(?:told|tells|telling) (?:me|us|him|her|my \w+) (?:to )?(?:stop being|calm down|stop crying|stop complaining|toughen up|suck it up)|(?:we|they|she|he) (?:don't|do not|didn't|did not) have (?:you|me|us|my \w+|it) (?:down|on the (?:schedule|books|list)|scheduled|in the system)|(?:apparently )?(?:nobody|no one|noone) (?:even )?(?:reads|read|looked at|looks at|checked|checks) (?:the|my|his|her) (?:chart|file|notes|records|history))\b/,
  },
  {
    // Sarcastic opener: praise word + comma, then a failure ("Fantastic, third time my refill was not called in").
    code: 'negative.sarcasm', reason: 'is sarcastic about the practice', weight: 3,
    re: /^(?:oh )?(?:great|good|wonderful|joy|perfect|lovely|fantastic|awesome|brilliant|terrific|super|love it|gotta love it)(?:,(?= [^.!?]*\b(?:not|never|no|didn't|wasn't|weren't|isn't|won't|can't|again|another|third|fourth|fifth)\b)|(?<=^oh \w+)\b)/,
  },
  {
    code: 'negative.sarcasm', reason: 'is sarcastic about the practice', weight: 3,
    re: /\b(?:(?:really|real|truly|just) (?:stellar|great|top-notch|outstanding|fantastic|excellent|amazing|wonderful|impressive|professional) (?:work|job|service|stuff)[.!]*$|(?:great|perfect|fantastic|wonderful|awesome|ideal|lovely) (?:place )?if you (?:enjoy|like|love|want|have|don't mind)|if you (?:like|enjoy|love|want|prefer) (?:being |to be |getting )?[^.!?]{0,60}\b(?:this is|then this|come here|go here|you'll love)|would it kill (?:them|you|him|her|anyone)|(?:had|have had) (?:better|more pleasant|friendlier) (?:\w+ )?(?:experiences?|service|care) at (?:the )?(?:dmv|airport|post office|jail|prison)|(?:not sure|no idea|don't (?:know|understand)|baffled|confused|wonder) (?:why|how) (?:this|they|the|it) [^.!?]{0,40}(?:good|great|high|positive|5[- ]star|five[- ]star) (?:reviews|ratings|rating))/,
  },
  // Polite, hedged and indirect complaints: the reviewer is dissatisfied without a strong word.
  {
    code: 'negative.disappointed', reason: 'says the visit or care fell short of what they expected', weight: 2.5, negatable: true,
    re: /\b(?:disappoint(?:ed|ing|ment)|let ?down|(?:not|wasn't|was not|isn't|far from) what i (?:hoped|expected|was hoping|was expecting)|had (?:such )?(?:high )?hopes|(?:left|leave|leaving|walked out|came away|come away)(?: (?:there|the office|the visit|the appointment))?(?: feeling| even more| more)? (?:frustrated|confused|upset|dismissed|unheard|worse|in tears|angry|disappointed|annoyed|defeated|helpless|humiliated|no better|with more questions)|more questions than answers|no closer to (?:an? )?(?:answer|diagnosis|solution)|i wish (?:i (?:had(?:n't| not| never)|'d (?:never|gone|known|listened)|would have)|(?:someone|somebody|anyone|they|he|she|the (?:\w+ )?(?:doctor|staff|nurses?|office|front desk|hospital|practice)|dr\.? \w+) (?:had|would have|would|could have|'d|did|was|were|took|listened|explained|told|called|bothered|cared|actually))|(?:would|'d) have (?:been nice|been helpful|liked|preferred)|it would (?:be|have been) nice (?:if|to)|i regret|regrett?(?:ed|ing|able)|should(?:'ve| have) (?:listened to|read|believed|trusted) (?:the |my )?(?:\w+ )?(?:reviews|gut|instincts?)|should(?:'ve| have) gone (?:elsewhere|somewhere else|to another)|(?:one|a) (?:more|last|final) chance|(?:not|less than) (?:very )?optimistic|(?:has|have|had) gone (?:way )?downhill|(?:a|an) (?:whole )?(?:other|different) story|shame about|too bad (?:the|they|that)|(?:hate|hated) to (?:write|say|leave) this|i'm not one to complain|(?:people|others|everyone|you) should (?:know|be aware)|(?:fair|word of) warning|heads up|(?:caught them|was) on a bad day|(?:fine|nice|good|ok|okay) enough(?:,? i guess)?,? but|quality (?:went|has gone|has gotten|got) (?:down|worse)|(?:it's|it is|so) sad (?:that|when|how))\b/,
  },
  {
    code: 'negative.disappointed', reason: 'says the visit or care fell short of what they expected', weight: 1.5, maxSentence: 0.5,
    re: /\b(?:unfortunately|sadly|regrettably|frankly|honestly,|to be honest|however,? i|that said)\b/,
  },
  {
    code: 'negative.not_recommended', reason: 'warns others away from the practice', weight: 3,
    re: /\b(?:(?:take|taking|took|move|moving|moved|transfer(?:ring|red)?|switch(?:ing|ed)?) (?:my|our) (?:\w+ ){0,3}(?:business|care|records|money|family|kids|children) (?:elsewhere|somewhere else|to (?:another|a new|a different|a better))|(?:leaving|left|leave) (?:this|the) (?:practice|office|clinic|hospital|doctor)|(?:no longer|can no longer|cannot|can't) (?:recommend|trust|go)|think twice|proceed with caution|you(?:'ve| have) been warned|(?:if you|unless you) (?:value|care about|want) (?:your )?(?:time|health|money)|would(?:n't| not) (?:trust|send|bring|take) (?:them|him|her|this|my|anyone)|(?:what a|such a|total|complete|absolute) (?:joke|mess|disaster|nightmare|waste|shambles|letdown))\b/,
  },
  {
    code: 'negative.no_callback', reason: 'says calls or messages go unanswered', weight: 3, negatable: false,
    re: /\b(?:(?:nobody|no one|noone|no-one) (?:ever |even |could |would |bothered to )?(?:told|tells|explained|updated|informed|mentioned|followed up|follows up|owns|knew|knows|could tell|would tell|could answer|was (?:available|around)|came to)|(?:never|didn't|did not|didnt) (?:\w+ )?(?:follow(?:ed)? up|get back to|update(?:d)? (?:me|us)|inform(?:ed)? (?:me|us)|let (?:me|us) know|send (?:it|them|the|my)|sent (?:it|them|the|my))|(?:no|without (?:an?|any)) (?:apology|apologies|explanation|update|updates|follow[- ]?up|answers?|heads[- ]up|word|call|phone call|notice|warning)\b(?! needed)|(?:promised|told (?:me|us)|said) (?:\w+ ){0,6}(?:call|callback|call back|response|results|update)(?: \w+){0,4}[^.!?]{0,40}\b(?:ago|never|still)|(?:finally|eventually) (?:answered|called (?:me |us )?back|got back|responded|picked up)|\d+ (?:tries|attempts|calls)|(?:only|just) took (?:\w+ )?(?:tries|calls|attempts|hours|days|weeks|months)|(?:messages|calls|faxes|forms|referrals?) (?:get|got|gets|go|went) (?:lost|ignored|nowhere)|that was (?:\d+|two|three|four|five|six|several|many) (?:days|weeks|months) ago|full (?:voicemail|voice mail|mailbox)|voice ?mail (?:box )?(?:is|was|that's) full|portal (?:says|said) [^.!?]{0,40} (?:and then|then) nothing|(?:and then|then) nothing,? ever)\b/,
  },
  {
    code: 'negative.wait_time', reason: 'complains about wait times', weight: 2.5, negatable: true,
    re: /\b(?:(?:a|one|over a|more than a|almost a|nearly a|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:full )?(?:days?|weeks?|months?) (?:to (?:get|send|fax|refill|see|hear|schedule|respond|process|fix|return|book|be seen)|for (?:them|anyone|someone|a response|my|the|a) (?:\w+ ){0,3}(?:to|results|referral|refill|call)|(?:just |only )?to get (?:an? |my |the )?(?:appointment|appt|visit|referral|results|refill|call)|before (?:anyone|they|someone|i (?:got|could|was)))|(?:take|takes|took|taking) (?:a|one|over a|more than a) (?:month|week) (?:to|for|before)|(?:waiting|waited|been waiting) (?:for )?(?:over|more than|almost|nearly)? ?(?:a|one|\d+|two|three|four|five|six|several) (?:full )?(?:weeks?|months?)|(?:next|first|earliest) (?:available )?(?:opening|slot|appointment|appt|visit|availability) (?:was |is |they had |would be )?(?:in|not until|over|more than) (?:\w+ )?(?:weeks|months)|(?:on a stretcher|in (?:the |a )?(?:hallway|hall|waiting room|lobby|er|triage)) for (?:\d+|several|many|over \d+|hours)|(?:seen|called back|taken back) (?:at|after) (?:\d|an? hour|two hours|over)|(?:always|constantly|so|too) (?:in a hurry|rushed|rushing)|(?:kept|keeps|left) (?:me|us) standing|(?:from|since) \d+ ?(?:am|pm|a\.m\.|p\.m\.)? (?:until|till|to) \d+ ?(?:am|pm)?)\b/,
  },
  {
    code: 'negative.rudeness', reason: 'complains about rude or dismissive treatment', weight: 2.5, negatable: true,
    re: /\b(?:(?:no|zero|lacks?|lacking|without) (?:\w+ )?(?:people skills|social skills|manners|tact|warmth|personality)|(?:left|leave|leaving|was|in) (?:me )?in tears|(?:the|her|his|their|an|bad|poor|nasty|rude) attitude|attitude (?:at|from|of|problem)|(?:talked|talks|spoke|speaks|spoken) (?:to|with) (?:me|us|him|her|my \w+) like|(?:was|were|got|get|felt) (?:made|treated) (?:to feel )?(?:like|as if|as though)|made to feel|argu(?:ed|es|ing) with (?:me|us|my \w+)|lectur(?:ed|es|ing)|(?:didn't|did not|never|didnt|without) (?:even )?(?:look(?:ing)? (?:up|at)|examin\w*|touch(?:ed)?|physically exam\w*) (?:me|us|him|her|my|it|the|from)|spent the (?:whole|entire) (?:visit|time|appointment|\w+ minutes) (?:typing|on (?:the|his|her|a) (?:computer|phone|screen|laptop)|looking at)|(?:same question|the same thing) (?:\w+ )?(?:\d+|two|three|four|five|several|multiple) times|(?:personal|private) (?:phone )?(?:call|conversation)|on (?:her|his|their) (?:cell )?phones?|(?:had|have) to (?:beg|fight|chase|argue|push|plead|demand|keep asking)|(?:didn't|did not|never|without) (?:wash(?:ing)?|clean(?:ing)?) (?:his|her|their) hands|(?:didn't|did not|no|without) (?:wear(?:ing)? )?gloves|out of (?:her |his |my |their )?reach|(?:hadn't|had not|wasn't|was not|were not|weren't|never) (?:been )?(?:cleaned|changed|emptied)|(?:the|as) (?:only|friendliest|nicest|most helpful) (?:person|one) (?:in|at|there)|(?:friendliest|nicest|most helpful) person (?:in|at) the (?:building|place|hospital|office))\b/,
  },
  {
    code: 'negative.billing', reason: 'complains about billing or charges', weight: 2.5,
    re: /\b(?:surprised? (?:\w+ )?(?:by|with) (?:a|an|the) (?:\w+ )?(?:bill|charge|invoice|statement|fee)|out[- ]of[- ]network|(?:charged|billed) (?:me|us|my insurance|my \w+) (?:for|\$|extra|again|twice)|charges? (?:\$|a fee|extra|for (?:filling|forms?|copies|records|paperwork|parking))|\$\d+ (?:to|for) (?:fill|copy|copies|forms?|park|expedite|a (?:form|letter|note))|back and forth (?:with|over|about|for)|(?:prices?|costs?|fees?|copays?) (?:went|have gone|has gone|keep going) up|run by (?:the )?(?:billing|accountants|insurance|money)|not covered (?:and|but) (?:nobody|no one|they never|they didn't)|(?:(?:wouldn't|would not|won't|will not|refused to|didn't|did not) (?:\w+ )?(?:refill|renew))|(?:would not|wouldn't|won't|will not|refused to) (?:tell|give) (?:me|us) (?:a |the |an )?(?:price|cost|estimate|straight answer))\b/,
  },
  {
    code: 'negative.office', reason: 'complains about how the office is run', weight: 2.5,
    re: /\b(?:(?:they|they've|he|she|someone|somebody|(?:the|their) (?:office|staff|hospital|front desk|lab|nurses?|clinic|practice)) (?:had |have |has )?lost (?:my|our|the|his|her) (?:\w+ )?(?:paperwork|records|referral|results|forms|chart|samples?|file|prescription|order|insurance (?:info|card))|it(?:'s| is) now (?:january|february|march|april|may|june|july|august|september|october|november|december|\w+ (?:weeks|months) later)|turns? out (?:they|he|she|it|the \w+) (?:had )?(?:never|didn't|did not|wasn't|was not|hadn't|had not)|kept (?:telling|saying|promising) (?:me|us)|(?:changed|cancel+ed|rescheduled|moved|bumped) (?:\w+ ){0,3}(?:two|three|four|five|\d+|multiple|several) times|(?:sent|faxed|called in) to the wrong|wrong (?:pharmacy|instructions|address|patient|paperwork|forms?|information|info|name|date|time|room)|(?:could not|couldn't|can't|cannot|nobody could|no one could) (?:get|give) (?:me |us )?(?:a )?straight answer|(?:was|were|is|are) a (?:disaster|mess|nightmare|joke|circus)|disorgani[sz]ed|(?:dropped|discharged|dismissed|kicked) (?:me|us|my \w+|him|her) (?:out )?(?:as (?:a )?patients?|from the practice)|(?:nobody|no one|noone|no-one) (?:will|would|wants to|is willing to) (?:take|accept) (?:any )?(?:responsibility|ownership|accountability)|(?:bed|tv|television|shower|toilet|sink|call button|call light|equipment|elevator|a\/c|air conditioning|heat|heating|wifi|remote) (?:was|were|is|are) (?:\w+ )?(?:broken|not working|out of order|filthy|dirty)|the only (?:thing|one|person) (?:that|who) (?:worked|was (?:good|efficient|quick|fast|working))|(?:from start to finish|start to finish),? (?:a )?(?:mess|disaster)|(?:seem|seemed|are|were) (?:so |very |completely )?(?:overworked|understaffed|short[- ]staffed))\b/,
  },
];

/** Someone at the practice did not do something ("the surgeon never came to talk to us", "nobody reads the chart"). */
const AGENT = String.raw`(?:they|they've|they'd|he|she|(?:the|our|my|his|her|their) (?:\w+ )?(?:doctors?|dr|nurses?|staff|surgeon|office|front desk|receptionists?|hospital|practice|clinic|pharmacy|billing|team|pa|np|dentist|hygienist|assistants?|lab|er|physician|provider|specialist|anesthesiologist|therapist|tech|technician)|dr\.? [a-z]+)`;
const NEG_ACTION = new RegExp(String.raw`\b${AGENT} (?:\w+ ){0,3}?(?:never|didn't|did not|didnt|don't|dont|do not|doesn't|doesnt|does not|won't|wont|will not|wouldn't|wouldnt|would not|couldn't|couldnt|could not|can't|cant|cannot|haven't|hasn't|have not|has not|refused to|failed to|forgot to|neglected to|forget to)((?: [a-z']+){1,5})|\b(?:nobody|no one|noone|no-one)((?: [a-z']+){1,5})`, 'g');
/** Negated words that make the clause praise ("they never rush you", "nobody made me wait", "can't thank them enough"). */
const BENIGN_NEGATED = /^(?:rush|wait|hurt|hesitat|judg|pressur|worr|complain|problem|issue|mind|push|overbook|doubl|forg|disappoint|skip|miss|charg|upsell|sell|lectur|scar|stop smiling|keep (?:me|us|you) waiting|make (?:me|us|you) (?:wait|feel)|let (?:me|us|you) down|enough|more|better|happier|nicer|say enough|thank|recommend|believe|imagine|ask for|go wrong|beat|compare|tell you how|wait to|have been|be (?:more|better|happier|nicer))/;

/** Cheap pre-check for `negatedAction`: a negator or "nobody" somewhere in the sentence. */
const NEG_GATE = /n't|\b(?:never|not|nobody|no one|noone|no-one|cannot|cant|dont|didnt|doesnt|wont|wouldnt|couldnt|refused|failed|forgot|forget|neglected)\b/;

function negatedAction(s: string): boolean {
  NEG_ACTION.lastIndex = 0;
  for (let m = NEG_ACTION.exec(s); m; m = NEG_ACTION.exec(s)) {
    const tail = (m[1] ?? m[2] ?? '').trim().replace(/^(?:once|even|ever|really|actually|one time|at any point|at all) /, '');
    if (!tail || BENIGN_NEGATED.test(tail)) continue;
    if (/\b(?:if|unless|whether|in case|even if|so that|make sure)\s+$/.test(s.slice(Math.max(0, m.index - 14), m.index))) continue;
    let benign = false;
    for (const w of tail.split(' ')) {
      // Inflected forms too: "never dismisses" is praise because "dismissed" is negative.
      const v = LEXICON.get(w) ?? LEXICON.get(w.replace(/(?:es|s|ing)$/, 'ed')) ?? LEXICON.get(w.replace(/s$/, ''));
      if ((v !== undefined && v < 0) || BENIGN_NEGATED.test(w)) { benign = true; break; }
    }
    if (!benign) return true;
  }
  return false;
}

/** The sentence is about a previous or other provider ("dismissed by three other doctors before Dr. A"). */
const OTHER_PROVIDER = /\b(?:(?:other|previous|prior|former|old|last|past) (?:\w+ )?(?:doctors?|physicians?|providers?|practices?|offices?|hospitals?|dentists?|pcps?|specialists?|clinics?)|before (?:dr\b|finding|coming (?:here|to)|i found|switching)|(?:years|months) of (?:bad|terrible|awful|useless) (?:doctors|care)|(?:at|from) (?:my|the) (?:old|previous|last) )/;

/** Aspects scanned in small combined alternations (one scan per group); a named group maps a hit back to its aspect. */
const ASPECT_GROUPS: readonly { aspects: readonly Aspect[]; re: RegExp }[] = (() => {
  const all = [...ASPECTS, ...EXTRA_ASPECTS];
  const out: { aspects: readonly Aspect[]; re: RegExp }[] = [];
  for (let k = 0; k < all.length; k += 8) {
    const aspects = all.slice(k, k + 8);
    out.push({ aspects, re: new RegExp(aspects.map((a, i) => `(?<x${i}>${a.re.source})`).join('|'), 'g') });
  }
  return out;
})();

/** Complaints that stay about this practice even when another provider is named ("the ER found what she missed"). */
const ABOUT_CARE_ELSEWHERE: ReadonlySet<string> = new Set(['negative.malpractice', 'negative.misdiagnosis', 'negative.drug_ineffective']);

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
  [/\b(?:never|nobody|no one|not once)(?: once| ever)? (?:makes?|made|making|lets?) (?:me|you|him|her|us|them|anyone|my \w+) feel (?:\w+ )?(?:bad|stupid|rushed|judged|dumb|silly|small|crazy|foolish|embarrassed|ashamed|hopeless|guilty|awkward|uncomfortable|unwelcome|ignored|dismissed|worse|like a (?:burden|number|nuisance))/g, 'kind'],
  [/\b(?:not once|never) (?:have i |did i |do i )?(?:felt|feel|been) (?:rushed|ignored|dismissed|like a number)/g, 'attentive'],
  [/\b(?:without|no) (?:a |any )?(?:wait|waiting)\b/g, 'quick'],
  [/\bnothing short of\b/g, 'truly'],
  [/\b(?:rare|hard|lucky|refreshing) to (?:find|have) (?:a |an )?(?:\w+ )?(?:doctor|physician|provider|practice|dentist|pediatrician|surgeon|nurse|office) (?:who|that|like)\b/g, 'great'],
  [/\bfinally (?:found|have) (?:one|someone|somebody|(?:a|an|the|my) (?:\w+ )?(?:doctor|physician|provider|practice|dentist|pediatrician|one|surgeon|place))\b/g, 'great'],
  [/\bpatient with\b/g, 'kind with'],
  [/\b(?:fix|fixed|solve|solved|resolve|resolved|sort|sorted|handled|straightened) (?:out )?(?:my |our |the |an? |this )?(?:\w+ )?(?:problem|issue|mistake|error|mix-up)s?\b/g, 'helped'],
];

/** All idioms as one alternation (one scan instead of one per idiom); group `i<k>` maps back to its replacement. */
const IDIOM_RE = new RegExp(POSITIVE_IDIOMS.map(([re], i) => `(?<i${i}>${re.source})`).join('|'), 'g');
function replaceIdiom(match: string, ...args: unknown[]): string {
  const groups = args[args.length - 1] as Record<string, string | undefined>;
  for (let i = 0; i < POSITIVE_IDIOMS.length; i++) if (groups[`i${i}`] !== undefined) return POSITIVE_IDIOMS[i]![1];
  return match;
}

/** The writer excuses the problem in the same sentence ("which i guess is normal", "but it's mild"). */
const EXCUSED = /\b(?:i guess (?:is|that's|it's) (?:normal|expected|fine|ok)|(?:is|was|that's|it's) (?:to be )?expected|understandabl[ey]|(?:totally|completely|i|we) understand|(?:no|not a) big deal|worth (?:it|the wait)|but whatever|it happens|(?:they|we) were (?:slammed|swamped|busy)|(?:busy|packed) (?:office|day|night|er|practice)|(?:it's|it is|was|but) (?:very |pretty )?mild|at first|got it right|kick in|made up for it|(?:fixed|corrected|resolved|sorted out|took care of|straightened out) (?:it|that|everything|the (?:problem|issue|mistake|error))|with an apology)\b/;
const CONTRAST_WORD = /\b(?:but|though|although|however|yet)\b/g;

/** A complaint clause followed, in the same sentence, by a contrast whose clause is positive, or excused outright. */
function mitigated(s: string, end: number): boolean {
  if (EXCUSED.test(s)) return true;
  CONTRAST_WORD.lastIndex = end;
  const c = CONTRAST_WORD.exec(s);
  if (!c) return false;
  const after = s.slice(c.index + c[0].length);
  const sc = scoreSentence(after);
  return sc.sum >= 1 && sc.neg > -0.5;
}

const MISCLICK = /\b(?:meant to (?:give|leave|click|put|rate)|(?:clicked|hit|picked|pressed|chose) the wrong (?:number|star|rating|button)|wrong (?:number of )?stars?|(?:should|supposed to) (?:be|have been) (?:5|five) stars?)\b/;

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
  norm = norm.replace(IDIOM_RE, replaceIdiom);
  const codes = new Map<string, string>();
  let lex = 0;
  let cue = 0;
  let posSentences = 0;
  let malpractice = false;
  for (const s of sentences(norm)) {
    const sc = scoreSentence(s);
    let sum = sc.sum;
    let sarcastic = false;
    let otherState = -1; // whether the sentence is about another provider; -1 = not computed yet
    const hit = (a: Aspect, index: number, end: number): void => {
      if (a.maxSentence !== undefined && sc.sum > a.maxSentence) return;
      if (a.negatable && negatedBefore(s, index)) return;
      if (!ABOUT_CARE_ELSEWHERE.has(a.code)) {
        if (otherState < 0) otherState = OTHER_PROVIDER.test(s) ? 1 : 0;
        if (otherState === 1) return;
      }
      if (a.code !== 'negative.malpractice' && mitigated(s, end)) return;
      // Sarcasm: the praise words of the sentence mean the opposite.
      if (a.code === 'negative.sarcasm') {
        sarcastic = true;
        if (sum > 0) sum = -sc.pos;
      }
      if (!codes.has(a.code)) {
        codes.set(a.code, a.reason);
        cue -= a.weight;
        if (a.code === 'negative.malpractice') malpractice = true;
      }
    };
    for (const grp of ASPECT_GROUPS) {
      const re = grp.re;
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const g = m.groups!;
        for (let i = 0; i < grp.aspects.length; i++) {
          if (g[`x${i}`] !== undefined) {
            const a = grp.aspects[i]!;
            if (!(a.needsNegativeSentence && sc.sum > -1)) hit(a, m.index, m.index + m[0].length);
            break;
          }
        }
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    if (sum < 1.5 && !codes.has('negative.service') && NEG_GATE.test(s) && negatedAction(s) && !OTHER_PROVIDER.test(s) && !EXCUSED.test(s)) {
      codes.set('negative.service', 'says the practice or its staff failed to do something expected');
      cue -= 2.5;
    }
    // Negative words about another provider, or in a sentence that excuses itself, say little about this practice.
    if (sum < 0 && ((otherState < 0 ? OTHER_PROVIDER.test(s) : otherState === 1) || EXCUSED.test(s))) sum *= 0.25;
    lex += sum;
    if (!sarcastic && (sum > 1.2 || sc.pos > 1.8)) posSentences++;
  }
  let positive = 0;
  if (POSITIVE_CUES.test(norm)) positive = 2.5;
  const score = lex + cue + positive;
  return { score, codes, malpractice, praise: posSentences > 0 || positive > 0 };
}

/**
 * The hand-written rules' own verdict on the text: negative for a negative score or a complaint not outweighed by
 * praise; positive for clear praise without any complaint; neutral otherwise.
 */
export function ruleVerdict(a: NegativeAssessment): RuleVerdict {
  if (a.score <= -0.2 || (a.codes.size > 0 && a.score < 2.5)) return 'negative';
  return a.codes.size === 0 && a.score >= 1.5 ? 'positive' : 'neutral';
}

export function detectNegative(input: DetectorInput): Flag[] {
  // A directory listing's text is the business's own facts (name, phone, hours), not anyone's opinion.
  if (input.byPractice || input.kind === 'listing') return [];
  const text = input.title ? `${input.title}. ${input.text}` : input.text;
  const r = stars(input.rating);
  // No words, no verdict from the text (the model's prior alone must not flag an empty post).
  if (r === null && !/\p{L}/u.test(text)) return [];
  const a = assessText(text);
  const hasComplaint = a.codes.size > 0;
  let negative: boolean;
  let severity: Severity = 'medium';
  // The learned model weighs the rule assessment together with the wording (see text/review-model.ts).
  const p = r !== null && r <= 2 ? 1 : complaintProbability(normalize(text), a);
  const verdict = ruleVerdict(a);
  if (r !== null && r <= 2) {
    // A 1–2 star rating is negative feedback about the practice whatever the text says (it drags the public average
    // down even when the reviewer says it was a mis-click; the responder may want to ask for a correction).
    negative = true;
  } else if (r === 3) {
    // 3 stars: lukewarm, so the text needs only to lean to a complaint (threshold learned on 3-star reviews).
    negative = isRatedComplaint(p, 3) || a.malpractice;
    severity = 'low';
  } else if (r !== null) {
    // 4–5 stars: a happy reviewer; negative only when the model is very sure the text complains (a mixed review).
    negative = isRatedComplaint(p, r as 4 | 5) || a.malpractice;
    severity = 'low';
  } else {
    negative = isComplaint(p, verdict) || a.malpractice;
  }
  if (!negative) return [];
  if (r === null && a.praise && a.score > -8 && !a.malpractice) severity = 'low';
  if (r !== null && r <= 2 && a.praise && a.score > 0) severity = 'low';
  if (a.malpractice) severity = 'high';
  if (!hasComplaint) {
    const low = r !== null && r <= 2 && a.score > -1;
    if (low && MISCLICK.test(normalize(text))) {
      return [{ category: 'negative', severity: 'low', code: 'negative.low_rating', reason: 'gives a low star rating (the text says it was a mistake)' }];
    }
    const reason = low ? 'gives a low star rating' : 'is negative about the practice or its care';
    return [{ category: 'negative', severity, code: low ? 'negative.low_rating' : 'negative.general', reason }];
  }
  return [...a.codes].map(([code, reason]) => ({ category: 'negative' as const, severity, code, reason }));
}

export const negativeDetector: DetectorDefinition = {
  id: 'negative',
  // 2: the learned review model decides text-only and 3–5 star reviews together with the rules.
  version: 2,
  category: 'negative',
  detect: (input) => detectNegative(input),
};
