// Context guards for crisis language, shared by every crisis family in `crisis/rules.ts`.
// A crisis concept only counts when the frame around it says "this is happening (or intended) now, to a real
// person": these patterns find the frames that say otherwise — past and resolved, generic or educational,
// hypothetical, joking — and the cues that pull a mention back into the present. Applied to normalized text
// (lower case, typographic quotes folded, bare contractions restored).

/** The crisis is over or long ago ("years ago", "turned out to be reflux", "it stopped", "doing great now"). */
export const PAST =
  /\b(?:in (?:college|high school|my (?:teens|twenties|20s|thirties|30s))|as a (?:teen(?:ager)?|kid|child)|when (?:i|he|she|they) (?:was|were) (?:a |\d+)|at (?:\d+|diagnosis)|(?:\d+|a few|few|two|three|four|five|six|seven|eight|nine|ten|many) (?:years?|months?) (?:out|clean|sober|later|strong)|(?:was|were|got|is) resolved|turned out|(?:last|this past) (?:year|month|week|spring|summer|fall|winter)|the last time (?:i|we|he|she|they) (?:was|were|had|went|saw|came)|(?:was|were|got|been|being) (?:admitted|seen|treated|hospitalized|diagnosed|checked)\b|(?:was|were) in the (?:er|hospital|icu|emergency room)|(?:thinking|thought) (?:i|he|she|they) (?:was|were|had) |(?:i|he|she|they|it) (?:was|were) (?:bleeding|seizing|having|vomiting|choking|convulsing)|(?:years?|months?|weeks?) ago|back in|in (?:19|20)\d\d|used to|history of|in the past|previously|recovered from|survived|got through|helped (?:me|him|her|us) (?:through|with|get|recover)|saved (?:my|his|her|our) life|after (?:my|his|her) (?:heart attack|stroke|attempt|overdose|seizure)|had a (?:heart attack|stroke|seizure|miscarriage)|(?:has|have|had) been (?:seizure|symptom)[- ]free)\b/;

/** The episode is over whatever the time words say ("it stopped overnight and i'm fine today", "turned out to be reflux"). */
export const RESOLVED =
  /\b(?:(?:it|that|the \w+|bleeding|pain|swelling) (?:stopped|went away|cleared|resolved|passed)|stopped (?:overnight|on its own|within|after)|(?:went|gone) away|(?:fine|ok|okay|better|good) (?:now|today|since|within)|(?:was|were) (?:fine|ok|okay|better)\b|(?:i'm|i am|he's|she's|he is|she is) (?:totally |perfectly )?(?:fine|ok|okay)\b|feeling (?:much )?better|(?:doing )?(?:great|well|fine|better|good) now|(?:is|he's|she's|i'm) (?:a )?(?:healthy|thriving)|thriving|(?:haven't|hasn't) needed it|was just (?:a|the|anxiety|reflux|muscular)|it was just|turned out|nontoxic|non-toxic|false alarm)\b/;

/** The writer says things are good now, so a past mention is not a current crisis. */
export const RECOVERED =
  /\b(?:doing (?:so |much |a lot |really )?(?:great|well|better|good|fine|ok|okay)|in a (?:better|good) place|(?:don't|do not) give up|it gets better|(?:years?|months?) (?:out|clean|sober|strong)|grateful|thankful|thank you|saved my life|gave me my life back|turned my life around|thriving|owe it to)\b/;

/** Pulls a mention back into the present even when a past cue is near ("again", "tonight", "an hour ago"). */
export const NOW =
  /\b(?:right now|now|currently|still|tonight|today|this (?:morning|afternoon|evening)|at the moment|getting worse|again|just (?:now|took|found|swallowed|ate|drank|told|texted|posted|collapsed|had)|(?:\d+|a few|few|ten|twenty|thirty|an?) (?:min|mins|minutes|hours?) ago|since (?:this morning|last night|yesterday|an hour)|for (?:the (?:last|past) )?(?:an? |\d+ |over \d+ |over an? )?(?:min|mins|minutes|hours?)|won't stop|isn't stopping|keeps? (?:\w+ing)|what (?:do|should) (?:i|we) do|please help|help me|on call)\b/;

/** Present cues strong enough to override a generic or hypothetical frame ("what to do if ... right now"). */
export const NOW_STRONG =
  /\b(?:right now|tonight|just (?:now|took|found|swallowed|ate|drank|collapsed)|(?:\d+|a few|few|ten|twenty|thirty|an?) (?:min|mins|minutes|hours?) ago|what (?:do|should) (?:i|we) do|please help|help me)\b/;

/**
 * Generic, educational or institutional talk about a crisis ("know the signs of stroke", "if you or someone you know
 * is thinking about suicide", "suicide prevention walk", "they screen every patient"): not a person in crisis.
 */
export const GENERIC =
  /\b(?:(?:warning )?(?:signs|symptoms)(?= *[:-]| include| are)|signs? of|symptoms? of|know the signs|what to do (?:if|when)|if you or|someone you know|(?:cpr|first aid|safety) (?:class|course|training)|class|poster|article|pamphlet|brochure|talk (?:on|about)|seminar|webinar|documentary|novel|movie|film|tv|(?:a|the) show|book|prevention|awareness|fundraiser|raised|screen(?:s|ed|ing)?|risk|(?:asked|asks|ask) (?:me |us |him |her )?(?:if|whether|about)|(?:taught|teach|teaches|learned|learn|explained|explains|told us|warned|reminder) (?:\w+ ){0,4}?(?:how|what|that|about|if|when|to)|in case|if (?:i|you|he|she|they) ever|what if|is a reason to|means go|safety plan|heads up|permit|hunting|as a (?:nurse|doctor|paramedic|emt)|i work in)\b/;

/** Jokes and hyperbole markers. */
export const HUMOR = /(?:\b(?:laugh(?:ed|ing)? so hard|hilarious|lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|just kidding|kidding|figuratively)\b|😂|🤣|😅|😆|😜)/;

/** Leaving, retiring, moving: goodbyes that are not farewells from life. */
export const ORDINARY_LEAVING =
  /\b(?:moving|move|moved|relocat\w*|retir\w*|new job|switching|transferr\w*|graduat\w*|last (?:visit|appointment|day at work|shift)|enjoy your|going to miss you|will miss|i'll miss|miss you all|take care)\b/;

/** Negated only when the negator is in the same short clause just before the match ("i'm not suicidal"). */
export function negatedNear(s: string, index: number, chars: number): boolean {
  const before = s.slice(Math.max(0, index - chars), index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(' and '), before.lastIndexOf(' but '), before.lastIndexOf('.'));
  const clause = cut >= 0 ? before.slice(cut + 1) : before;
  return /\b(?:not|no|never|nobody|without|didn't|don't|doesn't|wasn't|isn't|weren't|won't|haven't|hasn't|denies|denied)\b/.test(clause);
}

/** True when a sentence talks about something current: no past cue, or a present cue that overrides it. */
export function isCurrent(s: string): boolean {
  return !RESOLVED.test(s) && (!PAST.test(s) || NOW.test(s));
}

/** Figures of speech and accidents that contain crisis words ("shoot me an email", "cut myself shaving"). */
export const IDIOM =
  /\b(?:shoot (?:me|them|you|him|her|us|it) (?:a|an) (?:quick )?(?:message|email|e-mail|text|note|line|call|reply)|shoot (?:me )?(?:a|an) (?:message|email|text)|(?:cut|burned|burnt) (?:myself|himself|herself) (?:\w+ )?(?:shaving|cooking|chopping|slicing|opening|ironing|on (?:a|the|some))|(?:trying|tried|going|gonna) to kill (?:me|us) with (?:these|those|this|the|all)|kill (?:it|this|that|the) (?:\w+ )?(?:workout|crossword|test|exam|race|marathon|presentation|interview)|i'?d (?:rather|sooner) die than|makes? me (?:want to|wanna) die|wake up (?:at \d+\w*|early|before \d+\w*|for (?:these|my|an?|the) (?:appointments?|visits?|shifts?|work))|(?:shot|shoot|shooting) (?:my|him|her|them|your)sel(?:f|ves) in the foot|(?:is|was|be|it's) (?:basically |pure |literally )?suicide (?:during|on|in|at|to|with)|(?:career|social|financial|political) suicide|(?:would|'d|could) die (?:if|of|for)|(?:gun|firearm|carry) (?:permit|license|safety|class))\b/;
