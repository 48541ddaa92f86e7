// Threat-of-violence patterns shared by `offensive` (threat against staff) and `urgent` (violence).
// Applied to normalized text. Idioms ("this wait is killing me", "she killed it") do not match: a threat needs an
// intent ("i'm going to", "i will", "someone should") + a violent verb + a person or place as the target.

const INTENT = String.raw`(?:i(?:'ll| will|'m going to| am going to|'m gonna| am gonna| want to| wanna|'m about to| am about to| swear i'll| swear i will)|we(?:'ll| will|'re going to|'re gonna)|someone (?:should|needs to|ought to|is going to|will)|somebody (?:should|needs to|ought to|is going to|will)|gonna)`;
const VERB = String.raw`(?:kill|shoot|stab|murder|strangle|choke|beat(?: up| the \w+ out of)?|punch|slap|hit|hurt|attack|burn(?: down)?|bomb|blow up|shoot up|smash|break (?:her|his|your|their) \w+|come after|go after|get even with|make (?:\w+ ){0,4}?(?:you|her|him|them|y'all|yall|everyone|everybody|all) pay|make (?:you|her|him|them|y'all) pay|take (?:you|her|him|them) out|end)`;
const TARGET = String.raw`(?:you|u|ya|her|him|them|y'all|yall|every(?:one|body)|some(?:one|body)|that (?:\w+ )?(?:doctor|receptionist|nurse|woman|man|lady|guy|bitch|idiot|place|office|clinic)|the (?:\w+ )?(?:doctor|receptionist|nurse|staff|front desk|manager|office|clinic|place|building|woman|man|lady|guy)|this (?:\w+ )?(?:doctor|receptionist|nurse|place|office|clinic|practice|building)|dr\.? \w+|your (?:office|clinic|staff|doctor|receptionist|family|kids)|all of (?:you|them))`;

export const THREAT = new RegExp(String.raw`\b${INTENT}\s+(?:\w+\s+){0,6}?${VERB}\s+${TARGET}\b`);

export const VEILED_THREAT = /\b(?:watch (?:your|her|his|their) backs?|you(?:'ll| will) (?:regret|be sorry|pay for)|(?:she|he|they)(?:'ll| will) (?:regret|be sorry|pay for)|i know where (?:you|she|he|they|the \w+) (?:live|lives|park|parks)|wait (?:till|until) i (?:see|get|find)|you(?:'d| had) better watch|there will be (?:blood|consequences)|you(?:'re| are) (?:dead|gonna get it|going to get it)|(?:i|we) hope (?:you|she|he|they|the \w+) (?:die|dies|rot|rots|burn|burns|get hit|gets hit|get cancer|gets cancer))\b/;

export const WEAPON = /\b(?:bring(?:ing)? (?:a |my |the )?(?:gun|guns|knife|weapon|rifle|pistol|bat)|with (?:a|my) (?:gun|rifle|pistol|knife)|(?:got|have|grab(?:bing)?|loaded) (?:a |my )?(?:gun|rifle|pistol)|locked and loaded|shoot (?:up )?the (?:place|office|clinic)|pipe bomb|bomb threat)\b/;

/** Markers that a threat is imminent (today, on the way, outside). */
export const IMMINENT = /\b(?:right now|now|today|tonight|tomorrow|this (?:morning|afternoon|evening)|on my way|omw|heading (?:over|down|there)|coming (?:down|over|back) (?:there|to)|i'm outside|i am outside|in the parking lot|waiting outside|in (?:an|one) hour|in (?:a few|\d+) minutes)\b/;

/** Someone says another person is threatening to kill or hurt them (a crisis, not an insult). */
export const VICTIM_THREAT = /\b(?:(?:is|was|keeps|kept|he's|she's) (?:going to|gonna|threatening to|threatened to|trying to) (?:kill|hurt|shoot|stab|strangle|choke) (?:me|us|my (?:kids|children|baby|son|daughter))|(?:he|she|they)(?:'s| is| are) (?:hitting|beating|choking|strangling) (?:me|us)|(?:threatened|threatening) to kill (?:me|us|himself|herself))\b/;

/**
 * Credible, targeted intent without an explicit violent verb: coming for a named person, waiting for someone outside,
 * burning a place down, making people pay. Shared by `urgent` (violence) and `offensive` (threat against staff).
 */
export const STALK_THREAT = /\b(?:(?:i'm|i am|we're|we are) (?:coming|going to come|gonna come) (?:for|after) (?:you|u|her|him|them|y'all|yall|every|all|dr\.? \w+|that \w+|the \w+|your \w+)|(?:i'll|i will|i'm going to|i am going to|i'm gonna|gonna) (?:be )?(?:wait(?:ing)?|sitting|parked) (?:for (?:you|her|him|them|\w+) )?(?:outside|in the parking (?:lot|garage)|by (?:your|her|his|their) car|at (?:your|her|his|their) (?:car|house|home))|(?:wait|waiting) for (?:you|her|him|them) (?:in|outside|by|at) (?:the )?(?:parking|car|lot|garage|house|home)|burn (?:\w+ ){0,3}(?:down|to the ground)|(?:make|making) (?:\w+ ){0,4}?pay for (?:this|what)|(?:i'm going to|i am going to|i'm gonna|gonna|i'll|i will|we'll|we will) make (?:\w+ ){0,4}?(?:you|them|her|him|y'all|yall|everyone|everybody) pay|(?:you|they)(?:'ll| will) all pay)\b/;
