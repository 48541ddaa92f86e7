// Compositional crisis rules: a crisis CONCEPT (an act on oneself, an ingestion, a red-flag symptom, a violent act)
// combined with the frame it is told in (intent or desire, present time, a person close to the writer) and the
// guards in `context.ts`. Vocabularies are small slot lists, so a new wording is usually one word in one slot,
// not a new phrase. Everything here runs on normalized text; `detectCrisis` returns the urgent codes found.
import { GENERIC, HUMOR, IDIOM, NOW_STRONG, ORDINARY_LEAVING, PAST, RECOVERED, RESOLVED, isCurrent, negatedNear } from './context.ts';

const alt = (xs: readonly string[]) => `(?:${xs.join('|')})`;
const rx = (src: string) => new RegExp(String.raw`\b${src}`);

// ---- slots ---------------------------------------------------------------------------------------------------
const SELF = String.raw`(?:my ?self|himself|herself|themselves|themself|ourselves)`;
const POSS = String.raw`(?:my|his|her|their|our)`;
/** Drugs (names and common suffixes) and household poisons or swallowed objects. */
const DRUG = String.raw`(?:pills?|tablets?|meds|medications?|medicine|capsules|gummies|patch(?:es)?|insulin|tylenol|acetaminophen|advil|ibuprofen|aspirin|benadryl|xanax|valium|ambien|sertraline|zoloft|prozac|lithium|fentanyl|oxy\w*|percocet|vicodin|opioids?|benzos?|heroin|lorazepam|clonazepam|\w+(?:pam|lam|done|codone|morphone|pine|zine|pril|olol|statin|formin|triptyline|oxetine|aline)|sleeping pills|vitamins|iron)`;
const HOUSEHOLD = String.raw`(?:bleach|ammonia|antifreeze|drain cleaner|detergent|(?:laundry|tide|dishwasher) (?:pods?|liquid|detergent)|dishwasher \w+|pods?|rat poison|poison|lighter fluid|lamp oil|button batter(?:y|ies)|batter(?:y|ies)|magnets?|coins?|cleaning (?:products?|supplies|fluid)|windshield fluid|nail polish remover|mouthwash|hand sanitizer|e-?cig(?:arette)? liquid|vape (?:juice|liquid)|weed gummies|edibles?)`;
/** People whose crisis a writer reports ("my son", "my 16 yo", "grandpa", "my coworker"). */
const CLOSE = String.raw`(?:my (?:\w+ )?(?:son|daughter|kid|child|baby|toddler|infant|newborn|wife|husband|partner|boyfriend|girlfriend|bf|gf|mom|mum|mother|dad|father|brother|sister|friend|roommate|grandma|grandmother|grandpa|grandfather|teen|teenager|niece|nephew|cousin|aunt|uncle|coworker|neighbor|fianc\w*|ex|(?:\d+|one|two|three|four|five|six) ?(?:yo|y/o|year old|yr old|month old|mo old|week old|wk old|day old)|\d+-(?:year|month|week|day)-old)|(?:grandma|grandpa|mom|dad|baby|the baby)|(?:he|she|they))`;
/** Desire, intent, plan or rumination that points at an act. */
const INTENT = alt([
  String.raw`wants? to`, String.raw`wanted to`, 'wanna', String.raw`going to`, 'gonna', String.raw`i'll`, String.raw`i will`,
  String.raw`plan(?:ning|ned|s)? (?:to|on|how to|how i'd|how i would)`, String.raw`decided to`, String.raw`ready to`, String.raw`about to`,
  String.raw`(?:think|thinking|thought|thoughts) (?:about|of)`, String.raw`imagin(?:e|ing)`, String.raw`tempted to`, String.raw`urges? to`,
  String.raw`wish (?:i|he|she) could`, String.raw`feel(?:ing)? like`, String.raw`threaten(?:ing|ed|s)? to`, String.raw`talk(?:s|ing|ed)? about`,
  String.raw`(?:search(?:ing|ed)?|googl(?:ing|ed)|look(?:ing|ed) up|research(?:ing|ed)?) (?:for )?(?:ways|how) to`, String.raw`ways to`,
  String.raw`scared (?:i'm|i am) going to`, String.raw`afraid (?:i'll|i will|i might)`, String.raw`so i (?:can|don't|won't)`, String.raw`might`,
  String.raw`(?:keep|can't stop) (?:thinking about|imagining)`, String.raw`might as well`, String.raw`(?:tonight|today|now) (?:i'm|i am|i'll|i will)`,
]);
/** An act against oneself (suicide, self-harm), as the object of an INTENT or standing alone in strong forms. */
const SELF_ACT = alt([
  String.raw`(?:kill|killing|shoot|shooting|hang|hanging|hurt|hurting|harm|harming|cut|cutting|burn|burning|drown|drowning|starve|starving|poison|poisoning) ${SELF}`,
  String.raw`end(?:ing)? (?:it(?! with)(?: all)?|things|everything|${POSS} (?:own )?life)`,
  String.raw`take ${POSS} (?:own )?life`,
  String.raw`(?<!(?:going to|gonna|i'll|will|might|i'm|are|is) )(?:die|dying)(?! (?:of|from|if|laughing|for|to|than|inside))`, String.raw`be dead`,
  String.raw`not (?:be )?(?:alive|here|exist|existing|wake up|waking up)`, String.raw`stop (?:existing|living|breathing)`, String.raw`never wake up`,
  String.raw`(?:sleep|fall asleep) forever`, String.raw`disappear(?:ed)?\b(?! (?:from|into|off) (?:the|their|your|my) (?:system|portal|records|chart|list|queue))`,
  String.raw`jump(?:ing)?(?= *(?:$|[.!,]|off|out|from|in front))`,
  String.raw`(?:step|stepping|walk|walking|jump|jumping|drive|driving|crash|crashing|run|running) (?:\w+ ){0,2}?(?:off|into|in front of|out of) (?:a|the|my|an) (?:\w+ )?(?:bridge|train|traffic|tree|lake|river|ocean|sea|truck|bus|wall|overpass|cliff|roof|window|building)`,
  String.raw`overdos(?:e|ing)`, String.raw`(?:take|swallow|taking|swallowing) (?:all|every|the whole|a bunch|all the|all of|every one of) (?:\w+ ){0,3}?(?:pills?|meds|tablets|insulin|medications?)`,
  String.raw`do something to ${SELF}`, String.raw`get it over with`,
  String.raw`(?:take|taking|swallow|swallowing) (?:them|those|these|it) all`, String.raw`(?:take|taking|swallow|swallowing) all of (?:them|it|those)`,
]);
const FIRST_OR_CLOSE = new RegExp(String.raw`\b(?:i|i'm|i've|i'd|i'll|me|my|myself|we|we're|our|us)\b|\b${CLOSE}\b|^(?:might|maybe|guess|been|just|keep|kept|can't|cannot|want|wanna|thinking|going|gonna|planning|feel|feeling|so|really|honestly|still|tired|done)\b`);

// ---- self-harm -----------------------------------------------------------------------------------------------
/** Intent or desire + an act against oneself ("i'm going to take every pill", "thinking about not existing"). */
const IDEATION = rx(String.raw`${INTENT} (?:\w+ ){0,4}?${SELF_ACT}`);
/** Strong forms that need no intent verb ("kill myself", "suicidal", "don't want to be alive"). */
const STRONG_SELF = rx(alt([
  String.raw`(?:kill|killing|killed|hang|hanging|hanged|shoot|shooting|shot) ${SELF}`,
  String.raw`suicid(?:al|e (?:note|plan|attempt|thoughts?)|e)`,
  String.raw`end(?:ing)? ${POSS} (?:own )?life`, String.raw`take ${POSS} own life`,
  String.raw`(?:don't|do not|dont|doesn't|does not) (?:think (?:i|he|she) )?(?:really )?wants? to (?:be alive|live|exist|be here|wake up(?! (?:at|early|for|so|before|\d))|go on|be around)`,
  String.raw`(?:cutting|cut|burned|burning|hurting|hurt|harming|harmed) ${SELF}(?: \w+){0,4} (?:again|tonight|today|right now|now)`,
  String.raw`no (?:point|reason) (?:in |for )?(?:me )?(?:being (?:here|alive|around)|to (?:live|be alive|be here|keep going|go on))`,
  String.raw`(?:voices?|something|someone|a voice) (?:\w+ ){0,2}(?:telling|tells|told|tell) me to (?:\w+ ){0,2}(?:hurt|kill|harm|jump|die|end|cut)`,
  String.raw`(?:in|inside) (?:the|a|my) (?:closed |locked )?garage with the (?:car|engine) running`, String.raw`(?:car|engine) running in (?:the|a|my) (?:closed |locked )?garage`,
  String.raw`(?:tonight|today)(?:'s| is| feels like| might be| could be| will be) the (?:night|day)(?= *(?:$|[.!,]| i\b))`,
  String.raw`(?:better off|happier|easier for everyone) if i (?:just )?(?:ended|killed|died|disappeared|was(?:n't)? (?:gone|dead|here|around)|were(?:n't)? (?:gone|dead|here|around))`,
  String.raw`(?:been|started|keep|kept) (?:cutting|burning|hurting|harming)(?: ${SELF}| my (?:arms?|legs?|wrists?|thighs?))? (?:again|tonight|today|every)`,
  String.raw`relapsed on self[- ]?harm`, String.raw`self[- ]?harm(?:ing)? (?:again|tonight|right now)`,
  String.raw`(?:wrists?|arms?) (?:are |is )?bleeding`,
  String.raw`(?:belt|rope|cord) (?:around|round) (?:my|his|her|their) neck`,
  String.raw`better off dead`, String.raw`(?:doesn't|don't|does not|do not) care if (?:i|she|he|they) (?:wake|wakes|live|lives|die|dies|make it|makes it)`, String.raw`(?:better off|happier|better) without (?:me|him|her)(?! (?:as a|as their|on|in (?:the|their|your)))`,
  String.raw`wish (?:i|he|she) (?:wouldn't|would not|didn't|did not|couldn't|won't) wake up`, String.raw`wish (?:i|he|she) (?:was|were) (?:dead|never born|gone)`, String.raw`wish (?:i|he|she) (?:had )?never (?:been born|woke up|woken up)`,
  String.raw`last time (?:you'll|you will|anyone will|you) (?:ever )?(?:hear|see) (?:from )?me`,
  String.raw`(?:won't|will not|not going to) be (?:a (?:problem|burden) (?:for|to) (?:anyone|anybody|you|them) )?(?:around )?(?:much longer|for (?:much )?longer)`,
  String.raw`(?:research(?:ing|ed)?|looking up|looked up|googl\w+|reading about|read about) (?:suicide |painless |different )?(?:methods|ways to die)(?! (?:they|for|of|used|that))`, String.raw`painless (?:ways?|methods?) to`,
]));
/** Weak cues, each worth one point in its group; two different groups in one post are a crisis. */
const HOPELESS = rx(alt([
  String.raw`no (?:point|reason|use) (?:in|to|for|of) (?:me|my|living|life|going on|being|keep|trying|anything)`,
  String.raw`(?:what's|what is) the point`, String.raw`nothing (?:left )?to live for`, String.raw`nothing left`,
  String.raw`(?:i'm|i am|i feel like) (?:such |just )?a burden`, String.raw`better off (?:without (?:me|her|him)|if i|dead)`,
  String.raw`(?:happier|relieved|better) if i (?:just )?(?:was|were|wasn't|weren't|was gone|were gone|died)`,
  String.raw`(?:can't|cannot) (?:go on|keep (?:going|doing this)|do this anymore|take (?:it|this|the pain) anymore|live like this)`,
  String.raw`(?:tired|sick) of (?:living|life|being alive|existing)`, String.raw`(?:no|only|see no|don't see a|don't see any) way out`,
  String.raw`hate my life`, String.raw`(?:tired|sick) of (?:fighting|trying|being here|everything|it all)`, String.raw`(?:dark|bad) place`, String.raw`(?:i'm|i am) (?:so |just )?done(?= *(?:$|[.!]))`,
  String.raw`(?:nobody|no one|no1|noone) (?:would|will|'d) (?:even )?(?:miss|care|notice)`, String.raw`life (?:isn't|is not|ain't) worth`,
  String.raw`nothing (?:is|ever) (?:getting|gets) better`, String.raw`(?:world|everyone) (?:doesn't|does not|don't) need me`,
  String.raw`(?:don't|do not) trust myself`, String.raw`not safe (?:right now|tonight|with myself|around myself)`, String.raw`(?:don't|do not) feel safe with myself`,
  String.raw`want (?:the|this|all the) pain to (?:stop|end)`, String.raw`want (?:it|everything|this) (?:all )?to (?:stop|end)`,
  String.raw`deserve (?:better|more) than me`, String.raw`(?:can't|cannot|don't) see myself (?:making it|being (?:here|around|alive)|surviving|living|getting through|here (?:next|in a))`, String.raw`(?:don't|do not) want to (?:call|talk to|see|tell) (?:anyone|anybody)`,
]));
const PLAN = rx(alt([
  String.raw`finally do it`, String.raw`(?:how|when|where) (?:to|i'd|i would|i'll|i will|i'm going to) do it`, String.raw`know (?:exactly )?what (?:i'm|i am) going to do`,
  String.raw`pick a (?:day|date|time)`, String.raw`made up my mind`, String.raw`(?:i|i've) (?:have )?decided`, String.raw`(?:have|got|made) a plan`,
  String.raw`(?:it's|it is) time\.?$`, String.raw`i'm ready\.?$`, String.raw`won't need (?:it|them|my)`,
]));
const FAREWELL = rx(alt([
  String.raw`goodbye`, String.raw`good bye`, String.raw`farewell`, String.raw`(?:final|last) goodbyes?`,
  String.raw`(?:tell|telling) (?:my \w+|everyone|them|him|her) (?:that )?i (?:love|loved|am sorry|'m sorry)`,
  String.raw`sorry (?:mom|mum|dad|everyone|guys|to everyone)`, String.raw`i love you(?: all)?\b(?! (?:guys|dr|doctor))`,
  String.raw`(?:won't|will not|not going to) be (?:here|around)`, String.raw`last (?:post|review|message|thing i|words)(?! (?:of|for|about|on|at|to) (?:this|the|that|your|you))`,
  String.raw`thank you (?:[\w.]+ ){0,3}for trying`, String.raw`(?:always|was always|were always) (?:so )?(?:kind|good) to me`,
  String.raw`(?:wrote|written|writing|left|leaving) (?:a |my )?(?:\w+ )?(?:note|letters?)`,
  String.raw`(?:gave|given|giving) (?:away|my \w+ to)`, String.raw`made (?:arrangements|my peace)`, String.raw`made up my mind`,
  String.raw`can't stay`, String.raw`cleaned out`,
]));
const MEANS = rx(alt([
  String.raw`(?:have|got|has) (?:the|my|enough|all (?:the|my)) (?:pills|meds|tablets)`, String.raw`(?:pills|meds|tablets) (?:lined up|right here|ready|in (?:my|his|her) hand|saved|are gone|is gone|missing)`,
  String.raw`stockpil\w+`, String.raw`(?:saving|saved|hoarding|hoarded|collecting) (?:up )?(?:them|(?:all )?(?:my |his |her |the )?${DRUG})`,
  String.raw`(?:phone|cell) (?:is )?(?:off|dead|going (?:straight )?to voicemail)`, String.raw`(?:won't|isn't|is not|not) (?:answering|picking up)`, String.raw`can't reach (?:him|her|them)`, String.raw`(?:enough|how many) (?:\w+ ){0,4}?(?:pills|meds|tablets)`,
  String.raw`(?:loaded )?(?:gun|pistol|rifle) (?:on|in|next to|beside)`, String.raw`(?:bought|buying|got) (?:a |some )?(?:rope|gun|pistol|razor)`,
  String.raw`(?:razor|blade|knife) in my hand`, String.raw`(?:on|at) the (?:edge of the )?(?:bridge|roof|ledge|overpass|cliff)`, String.raw`car running`,
  String.raw`in the garage with`, String.raw`(?:has|have|bought) a gun`, String.raw`(?:i'm|i am) (?:standing |sitting )?on (?:the|a) (?:bridge|roof|ledge|overpass)`, String.raw`(?:saying|said) (?:she|he) (?:wants|is going|'s going)`,
]));

// ---- overdose and poisoning ----------------------------------------------------------------------------------
const INGEST = String.raw`(?:took|taken|swallowed|ate|eaten|drank|drunk|ingested|popped|downed|chewed|chewing|bit into|bitten|got into|used|put|mixed)`;
const EXCESS = String.raw`(?:whole|entire|bottle of|all|a bunch|a lot|a ton|a handful|handfuls|a whole|the whole|a bottle|a pack|half|most|the rest|way too many|too many|too much|extra|double|twice|two|three|several|\d+(?! ?(?:min|mins|minutes|hours?|hrs?|days?|weeks?|months?|years?|seconds|mg|ml|units|times|am|pm|percent|%))|ten|twenty|thirty|forty|fifty|more|some of|every)`;
/** Too much of a drug, or any ingestion of a household poison or a swallowed object. */
const OD_EXCESS = rx(String.raw`${INGEST} (?:\w+ ){0,2}?${EXCESS} (?:[\w']+ ){0,4}?${DRUG}\b`);
const OD_DRUG_EXCESS = rx(String.raw`${INGEST} (?:\w+ ){0,3}?${DRUG} (?:twice|two times|double|more than (?:i|he|she) should)`);
const OD_HOUSEHOLD = rx(String.raw`${INGEST} (?:\w+ ){0,5}?${HOUSEHOLD}\b`);
const OD_WORD = rx(String.raw`(?:overdos(?:ed|ing|e)\b(?! on (?:coffee|caffeine|sugar|paperwork|candy|chocolate|cuteness|love|tv|netflix))|od'd|oded|o\.d\.'?d)`);
const OD_CHILD = rx(String.raw`(?:${CLOSE}) (?:\w+ ){0,3}?(?:just )?${INGEST} (?:\w+ ){0,4}?(?:${DRUG}|${HOUSEHOLD})\b`);
const OD_UNKNOWN = rx(String.raw`${INGEST} (?:some |a few )?(?:pills|something|stuff)\b[^.!?]{0,60}?(?:don't|do not) know what`);
const OD_MIX = rx(String.raw`(?:took|taken|drank|drinking|mixed|popped|swallowed) (?:\w+ ){0,4}?(?:${DRUG}) (?:\w+ ){0,2}?(?:with|and|on top of) (?:\w+ ){0,3}?(?:alcohol|vodka|wine|beer|booze|whiskey|tequila|drinks|liquor)`);
const OD_WRONG_DOSE = rx(String.raw`(?:gave|given|give) (?:my|the|our) (?:\w+ )?(?:baby|son|daughter|kid|child|toddler|infant|newborn|dad|mom|mother|father|husband|wife) (?:[\w.]+ ){0,6}?(?:too much|double|twice|the wrong|\d+ ?ml instead|instead of|ten times|10 times|an adult)`);
const OD_FOUND = rx(String.raw`(?:found|caught) ${CLOSE} (?:\w+ ){0,3}?(?:with|into|in|eating|chewing) (?:an? |the |some )?(?:open )?(?:(?:bottle|pack|box|container|packet) of|${DRUG}|${HOUSEHOLD})`);

// ---- medical emergency ---------------------------------------------------------------------------------------
/** Red flags: one of these, told in the present, is an emergency by itself. */
const RED_FLAG = rx(alt([
  String.raw`(?:not|isn't|is not|stopped|barely|hardly) breathing`, String.raw`(?:can't|cannot|can not|could not|couldn't|struggling to|unable to) (?:breathe|breath)\b`,
  String.raw`(?:blue|bluish|gray|grey|purple)(?<=\b(?:lips|face|skin|fingers|fingertips|toes|nails|mouth|he|she|baby|he's|she's|they're|is) (?:\w+ ){0,2}?(?:turning|turned|gone|going|look(?:s|ing)?|are|is) (?:kind of |a bit |slightly )?(?:blue|bluish|gray|grey|purple))`, String.raw`turning blue`,
  String.raw`unresponsive`, String.raw`(?:won't|will not|isn't|is not|not|can't|cannot) (?:wake|waking) (?:up|him|her|them|my)`, String.raw`(?:isn't|is not|not|won't) (?:respond|responding) to (?:me|us|anything|touch|voice|pain|his name|her name)`,
  String.raw`(?:he's|she's|he is|she is|baby is|they're|and) not (?:responding|breathing)(?= *(?:$|[.!,]))`, String.raw`(?:barely|not) conscious`, String.raw`(?:is|he's|she's|are|lying|found \w+|still) (?:\w+ )?unconscious`,
  String.raw`(?:is|he's|she's|are|lying|found \w+) passed out`, String.raw`passed out (?:on|in) the (?:floor|bathroom|car|couch|bed|shower)`,
  String.raw`collapsed(?<=\b(?:${CLOSE}|i|someone|somebody|a (?:man|woman|guy|lady|patient)) (?:\w+ ){0,2}?collapsed)`, String.raw`(?:having|had) (?:a )?seizures?(?! (?:\w+ ){0,3}(?:ago|last|in 20|when))`, String.raw`seizing`, String.raw`convulsing`, String.raw`(?:been )?seizing for`,
  String.raw`eyes rolled`, String.raw`(?:throat|airway) (?:is |feels )?(?:\w+ )?(?:closing|swelling shut|tight)`, String.raw`swelling shut`,
  String.raw`(?:crushing|squeezing) (?:chest )?(?:pain|pressure)`, String.raw`chest (?:feels )?like (?:it's|its|it is) being (?:crushed|squeezed)`,
  String.raw`(?:elephant|weight|something heavy|someone) (?:is )?(?:sitting|standing) on my chest`,
  String.raw`(?:having|have) a (?:heart attack|stroke)`, String.raw`(?:i'm|i am|he's|she's|he is|she is) having (?:a |an )?(?:heart attack|stroke|seizure|allergic reaction|anaphyla\w*)`,
  String.raw`(?:won't|will not|doesn't|does not|isn't|not|can't) stop(?:ping)? bleeding`, String.raw`bleeding (?:\w+ ){0,5}?(?:won't|will not|doesn't|isn't|hasn't) (?:stop|slow)`,
  String.raw`(?:gushing|spurting|pouring|squirting) (?:out )?(?:bright red )?blood`, String.raw`blood (?:is )?(?:spurting|gushing|pouring)`, String.raw`bleeding out`,
  String.raw`(?:soak(?:ed|ing)|bleeding) (?:through )?(?:\w+ ){0,2}?(?:pads?|towels?|bandages?|gauze|a pad)`, String.raw`(?:bleeding|bled) (?:heavily|a lot|so much|profusely|everywhere|badly)`,
  String.raw`(?:heavy|severe|profuse|uncontrolled) bleeding`, String.raw`hemorrhag\w*`, String.raw`(?:huge|big|large) clots`,
  String.raw`(?:vomiting|throwing up|coughing up|puking) blood`,
  String.raw`(?:face|smile|mouth) (?:\w+ ){0,2}(?:is |looks |feels )?(?:droop\w*|crooked|lopsided|uneven)`, String.raw`slurr\w*`, String.raw`(?:speech|words|talking|voice) (?:\w+ ){0,2}(?:sounds? |is |are )?garbled`, String.raw`garbled (?:speech|words)`,
  String.raw`(?:can't|cannot|couldn't|won't) (?:lift|raise|move|grip|feel) (?:${POSS}|the) (?:left |right )?(?:arm|leg|hand|side)`, String.raw`(?:can't|cannot) move (?:${POSS} )?(?:left|right) side`,
  String.raw`(?:numb|numbness|weak|weakness) (?:on|in|down) (?:one|the (?:left|right)) side`, String.raw`(?:can't|cannot) (?:find (?:my|his|her) words|(?:talk|speak)(?= *(?:$|[.!,]| properly| right| clearly| at all)))`,
  String.raw`(?:worst|thunderclap) headache`, String.raw`headache (?:\w+ ){0,3}like a thunderclap`, String.raw`(?:suddenly )?can't see out of`,
  String.raw`(?:is|keeps|he's|she's|i'm|am|baby is|started) choking(?! on (?:my|his|her) (?:words|tears))`, String.raw`(?:ribs|chest) (?:are |is )?(?:sucking|caving) in`, String.raw`grunting`,
  String.raw`(?:sugar|glucose|bg|blood sugar) (?:meter )?(?:\w+ ){0,2}(?:is |of |at |reads |says |says? )?(?:[1-3]\d|[5-9]\d\d|hi|high)\b(?! (?:last|at diagnosis))`, String.raw`ketones (?:are )?(?:large|high)`, String.raw`fruity`,
  String.raw`(?:baby|he|she) (?:hasn't|has not|hasnt|isn't|is not|stopped) mov(?:ed|ing)`, String.raw`rash (?:that )?(?:doesn't|does not|won't) fade`,
  String.raw`(?:fever|temp(?:erature)?) (?:of |is |at )?(?:10[0-9](?:\.\d)?)(?= .*\b(?:newborn|infant|(?:\d|one|two|three|four|five|six|seven|eight) ?(?:week|wk|day|month|mo)s? old))`,
  String.raw`(?:newborn|infant|(?:\d|one|two|three|four|five|six|seven|eight) ?(?:week|wk|day|month|mo)s?[- ]old) (?:\w+ ){0,3}?(?:fever|temp)`,
  String.raw`(?:epi ?pen|epinephrine) (?:\w+ ){0,4}?(?:still|not working|isn't working|didn't work)`, String.raw`used my epi ?pen`,
  String.raw`(?:inhaler|neb|nebulizer) (?:isn't|is not|not|doesn't|didn't) (?:helping|working|help|work)`,
  String.raw`(?:breathing|breaths?) (?:\w+ ){0,2}(?:slow and shallow|really slow|shallow|labored|weird|strange|funny|wrong|raspy)`, String.raw`gasping`,
  String.raw`(?:attack|seizure|bleeding|vomiting|swelling|pain) (?:\w+ ){0,2}(?:isn't|is not|won't|will not|doesn't|does not) (?:stop|stopping|go away|going away|ease|easing)(?! (?:\w+ ){0,3}(?:after|with|once))`,
  String.raw`used (?:my|his|her) (?:inhaler|puffer|epi ?pen) (?:\d+|two|three|four|five|six|several|many) times`, String.raw`cpr`,
  String.raw`(?:fever|temp(?:erature)?) (?:\w+ )?(?:of |is |at |reads )?(?:10[4-9]|4[01])(?:\.\d)?\b`, String.raw`(?:appendix|spleen) (?:\w+ )?(?:burst|ruptured)`,
  String.raw`(?:bones?) (?:is |are )?(?:sticking|poking) out`, String.raw`(?:fell|fallen) (?:off|from|down) (?:a|the) (?:ladder|roof|balcony|stairs|cliff)(?:[^.!?]{0,40}?)(?:isn't|not|can't|won't) (?:moving|move|get up|respond)`,
  String.raw`(?:hit by a car|electrocuted|(?:soft spot|fontanelle) (?:is )?bulging|(?:sudden(?:ly)?|out of nowhere) (?:lost (?:my|his|her) vision|went blind|can't see))`,
  String.raw`(?:having|going into) (?:a |an )?(?:severe|bad|serious) allergic reaction`, String.raw`(?:fever|burning up)[^.!?]{0,60}(?:stiff neck|confused|lethargic|limp|hard to wake|won't wake)`, String.raw`(?:stiff neck|confused|lethargic|limp)[^.!?]{0,60}(?:fever|burning up)`, String.raw`(?:having|in) anaphyla\w+`, String.raw`(?:can't|cannot) (?:feel|move) (?:my|his|her) legs`,
  String.raw`(?:hasn't|has not|no) (?:had )?(?:a |any )?(?:peed|wet diaper|wet diapers) (?:in|for) (?:\d+|twelve|twenty)`,
  String.raw`(?:see|feel|seeing|feeling) the (?:umbilical )?cord`, String.raw`cord (?:is )?(?:coming out|hanging out)`, String.raw`fell and (?:can't|cannot) get up`, String.raw`bleeding from (?:his|her|my) head`,
]));
/** Symptom groups: two distinct groups in one post, told in the present, are an emergency. */
const SYMPTOMS: readonly RegExp[] = [
  rx(String.raw`(?:chest (?:pain|pains|hurts|pressure|tightness|(?:is|feels) (?:so |really |very |super )?(?:tight|pounding|hurting|heavy)|burns)|(?:pressure|pain|tightness) in (?:the middle of )?(?:my|his|her) chest|clutching (?:his|her|my|their) chest)`),
  rx(String.raw`(?:sweat(?:ing|y)|clammy|cold sweat)`),
  rx(String.raw`(?:(?:arm|jaw|back) (?:hurts|aches|is (?:hurting|aching|numb|tingling)|pain|feels (?:numb|heavy))|(?:arm|jaw) is (?:tingling|numb)|pain (?:\w+ ){0,2}(?:down|into|in) (?:my|his|her) (?:left )?(?:arm|jaw)|spreading to (?:my|his|her) (?:back|arm|jaw)|(?:left|right) arm (?:is )?(?:tingling|numb))`),
  rx(String.raw`(?:wheez\w*|short(?:ness)? of breath|(?:can't|cannot) catch (?:my|his|her) breath|breathing (?:really |so |very )?(?:fast|hard)|can barely (?:talk|breathe)|hard to (?:breathe|swallow))`),
  rx(String.raw`(?:(?:lips?|tongue|face|throat|eyes|hands|voice) (?:\w+ )?(?:are |is |keeps? )?(?:huge|swollen|swelling|puffing|getting hoarse|hoarse)|swelling up|hives)`),
  rx(String.raw`(?:confused|not making (?:any )?sense|(?:really|very|super|so) (?:sleepy|drowsy)|drowsy|lethargic|limp|won't (?:feed|drink|nurse)|(?:can't|cannot) feel (?:my|his|her) (?:legs|arms|face))`),
  rx(String.raw`(?:throwing up|vomiting|keeps? puking|(?:can't|cannot) keep (?:anything|food|water) down)`),
  rx(String.raw`(?:hit (?:his|her|my|their) head|fell (?:down|and hit|off))`),
  rx(String.raw`(?:dizzy|lightheaded|light-headed|faint|fainting|pass out|pale)`),
  rx(String.raw`(?:heart (?:is )?(?:racing|pounding)|pounding headache|(?:terrible|severe|bad) headache)`),
  rx(String.raw`(?:(?:\d+|thirty|twenty) ?(?:weeks?|wks?) pregnant|pregnant|postpartum|gave birth|c-section)`),
  rx(String.raw`(?:coughing (?:nonstop|non-stop|and|so)|can't stop coughing|drooling|foam(?:ing)? (?:in|at) (?:her|his|the) mouth)`),
  rx(String.raw`(?:(?:see|seeing|hear|hearing) (?:things|voices|people) that (?:aren't|are not|isn't|is not) there|hearing voices|(?:the )?baby (?:isn't|is not) (?:mine|my baby|real)|(?:haven't|have not|hasn't|has not) slept in (?:days|\d+ days)|awake (?:for )?(?:\d+|three|four|five) days)`),
  rx(String.raw`seeing (?:spots|stars|flashing)|blurry vision|vision (?:is )?blurry`),
  rx(String.raw`(?:stiff neck|(?:severe|excruciating|unbearable|worst|horrible|intense) (?:\w+ )?pain|pain (?:is )?(?:a |an )?(?:10|ten)(?: out of 10)?|doubled over|(?:can't|cannot) (?:stand up|stand|walk))`),
];

/** One pass that says whether any symptom group can match, before the groups are told apart. */
const SYMPTOM_ANY = new RegExp(SYMPTOMS.map((r) => `(?:${r.source})`).join('|'));

// ---- violence ------------------------------------------------------------------------------------------------
const VIOLENT = String.raw`(?:kill|shoot|stab|murder|strangle|beat|hurt|attack|burn|bomb|blow up|shoot up|slit|cut|run over|put a bullet in)`;
const VICTIM = String.raw`(?:(?:their|her|his|your) (?:throats?|heads? (?:in|off)|faces? in|brains? out)|you|u|ya|her|him|them|y'all|yall|every(?:one|body)|every (?:single )?(?:one|person)|all of (?:you|them)|some(?:one|body)|(?:that|the|this|your) (?:\w+ )?(?:doctor|receptionist|nurse|pharmacist|staff|front desk|manager|office|clinic|place|building|woman|man|lady|guy|pa|np|tech|surgeon|dentist|therapist)|dr\.? \w+|(?:his|her|my) (?:father|mother|dad|mom|wife|husband|brother|sister|kids|children|son|daughter|boss|ex))`;
const THREAT_INTENT = rx(String.raw`(?:i'm|i am|i'll|i will|i'm gonna|im gonna|gonna|going to|i swear i'll|i'd|we're|we'll|(?:he|she|they)(?:'s| is| are| says (?:he|she) is| says (?:he|she)'s)? (?:going to|gonna)|threaten(?:s|ed|ing) to) (?:\w+ ){0,3}?${VIOLENT} ${VICTIM}(?! (?:a|an) (?:message|email|text|note|line|call))`);
const HARM_CHILD = rx(String.raw`${INTENT} (?:\w+ ){0,2}?(?:hurting|harming|hurt|harm|killing|kill|drowning|drown|smothering|smother|shaking|shake) (?:my|the|our) (?:baby|newborn|son|daughter|kids?|children)|(?:since|after) having (?:my|the|our) baby (?:\w+ ){0,3}?(?:thinking|thoughts) (?:about|of) (?:hurting|harming|killing) (?:her|him)`);
const THREAT_OTHER = rx(alt([
  String.raw`(?:is|are) dead when i (?:find|see|get)`, String.raw`pay in blood`, String.raw`(?:bringing|bring) (?:something|my \w+) to (?:settle|end|finish)`,
  String.raw`(?:i'll|i will|i'm going to) be (?:waiting )?(?:by|at|in|outside) (?:\w+ ){0,3}?(?:car|parking|lot|garage|house)`, String.raw`waiting by (?:it|her car|his car)`,
  String.raw`(?:i'm|i am|i'll be|i will be|i'm going to be) (?:\w+ )?waiting (?:outside|by|at|in) (?:\w+ ){0,4}?for (?:you|her|him|them|the|that|dr|your)`,
  String.raw`(?:she|he|they|you)(?:'ll| will) (?:find out|see)(?= *(?:$|[.!]))`, String.raw`bring security`, String.raw`(?:${CLOSE}|someone|somebody|a (?:man|guy|woman)) (?:\w+ ){0,4}?(?:with|has|holding|got|pulled) (?:a )?(?:knife|gun|machete)\b(?! (?:permit|class|license|safety))`,
  String.raw`(?:is|he's|she's|they're|keeps) (?:hitting|beating|choking|strangling|punching|kicking) me`, String.raw`(?:threatened|threatening) to (?:kill|hurt|shoot|stab)`,
  String.raw`(?:put|putting) a bullet in`, String.raw`(?:i )?hope (?:someone|somebody) (?:shoots|kills|stabs|beats)`,
  String.raw`(?:${CLOSE}|he|she) (?:\w+ ){0,2}?(?:hits|beats|chokes|strangles|choked|strangled) me`, String.raw`(?:scared|afraid) (?:to go|of going) home`,
  String.raw`(?:have|got) a (?:gun|knife)[^.!?]{0,30}(?:know (?:where|when)|waiting)`, String.raw`(?:banging|pounding) on the door`, String.raw`locked (?:myself|ourselves) in`,
]));

export type CrisisCode = 'urgent.self_harm' | 'urgent.overdose' | 'urgent.medical_emergency' | 'urgent.violence';


function hit(re: RegExp, s: string, negChars: number): boolean {
  const m = re.exec(s);
  return m !== null && !negatedNear(s, m.index, negChars);
}

/** Applies the rules to normalized, contraction-restored text; returns each urgent code found once. */
/** Words the poisoning rules all need (an ingestion verb, "found", "gave", "overdose"): skips them on most text. */
const OD_GATE = /\b(?:took|taken|swallow|ate|eaten|drank|drunk|drinking|ingested|popped|downed|chew|bit|got into|used|mixed|found|caught|gave|given|give|overdos|od'd|oded|o\.d)/;

/**
 * Applies the rules to normalized, contraction-restored text; returns each urgent code found once. Concepts are
 * matched first and the (costlier) frame guards are evaluated only for sentences where a concept matched, so
 * ordinary text pays for the concept scan alone.
 */
export function detectCrisis(norm: string, sents: readonly string[]): Set<CrisisCode> {
  const found = new Set<CrisisCode>();
  // post-level frames, computed once and only when first needed
  let post: { joking: boolean; recovered: boolean; leaving: boolean; resolved: boolean } | undefined;
  const frame = () =>
    (post ??= {
      joking: HUMOR.test(norm),
      recovered: RECOVERED.test(norm) && PAST.test(norm),
      leaving: ORDINARY_LEAVING.test(norm),
      // "it turned out to be anxiety", "he was fine within the hour": the episode told in the post is over
      resolved: RESOLVED.test(norm) && !NOW_STRONG.test(norm),
    });
  const odPossible = OD_GATE.test(norm);
  let weak = 0;
  let symptoms = 0;
  for (const s of sents) {
    const selfStrong = hit(STRONG_SELF, s, 14) || hit(IDEATION, s, 12);
    const w = (hit(HOPELESS, s, 8) ? 1 : 0) + (hit(MEANS, s, 10) ? 1 : 0) + (hit(PLAN, s, 8) ? 1 : 0);
    const farewell = hit(FAREWELL, s, 8);
    const od = odPossible && (hit(OD_EXCESS, s, 12) || hit(OD_DRUG_EXCESS, s, 12) || hit(OD_HOUSEHOLD, s, 12) || hit(OD_WORD, s, 12) || hit(OD_CHILD, s, 12) || hit(OD_UNKNOWN, s, 6) || hit(OD_FOUND, s, 6) || hit(OD_MIX, s, 8) || hit(OD_WRONG_DOSE, s, 8));
    const red = hit(RED_FLAG, s, 10);
    let sym = 0;
    if (SYMPTOM_ANY.test(s)) for (let k = 0; k < SYMPTOMS.length; k++) {
      const m = SYMPTOMS[k]!.exec(s);
      if (m && !negatedNear(s, m.index, 6)) sym |= 1 << k;
    }
    const violent = hit(THREAT_INTENT, s, 10) || hit(THREAT_OTHER, s, 8) || hit(HARM_CHILD, s, 10);
    if (!selfStrong && !w && !farewell && !od && !red && !sym && !violent) continue;
    // a concept matched: now the frame decides
    const strongNow = NOW_STRONG.test(s);
    const generic = GENERIC.test(s);
    if ((generic || IDIOM.test(s)) && !strongNow) continue;
    const f = frame();
    if (f.joking) continue;
    const current = isCurrent(s);
    if (current && !f.recovered) {
      if (selfStrong) found.add('urgent.self_harm');
      weak += w + (farewell && !f.leaving ? 1 : 0);
    }
    if (current && od) found.add('urgent.overdose');
    if (current && !f.resolved) {
      if (red) found.add('urgent.medical_emergency');
      symptoms |= sym;
    }
    if (violent && !generic) found.add('urgent.violence');
  }
  if (weak >= 2) found.add('urgent.self_harm');
  if (popcount(symptoms) >= 2) found.add('urgent.medical_emergency');
  // every crisis needs a real person in frame: the writer or someone close to them
  if (found.size && !FIRST_OR_CLOSE.test(norm)) found.clear();
  return found;
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}
