// `offensive`: profanity, slurs, harassment and threats. Profanity and slurs through `obscenity` (MIT) with its
// anti-circumvention transformers (leet, repeated letters, confusables), minus anatomical and clinical words that
// are ordinary in healthcare posts; harassment and threats through our own precompiled patterns.
import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, pattern } from 'obscenity';
import type { DetectorDefinition } from '../core/detector.ts';
import type { DetectorInput, Flag } from '../core/types.ts';
import { IMMINENT, THREAT, VEILED_THREAT, WEAPON } from './text/threat.ts';
import { normalize, sentences } from './text/tokenize.ts';

/** Words obscenity lists that are clinical vocabulary in a medical context, or common names. */
const CLINICAL = new Set(['anal', 'anus', 'penis', 'vagina', 'sex', 'semen', 'ejaculate', 'orgasm', 'boob', 'rape', 'masturbate', 'scat', 'tit', 'cum', 'incest', 'bestiality']);
const SLURS = new Set(['abo', 'abeed', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'dyke', 'fag', 'kike', 'negro', 'nigger', 'retard', 'spastic', 'tranny']);

const dataset = new DataSet<{ originalWord: string }>()
  .addAll(englishDataset)
  .removePhrasesIf((p) => CLINICAL.has(p.metadata?.originalWord ?? ''))
  .addPhrase((p) => p.setMetadata({ originalWord: 'hoe' }).addPattern(pattern`|hoe|`).addPattern(pattern`|hoes|`).addPattern(pattern`|hoez|`))
  .addPhrase((p) => p.setMetadata({ originalWord: 'douche' }).addPattern(pattern`douche`))
  .addPhrase((p) => p.setMetadata({ originalWord: 'skank' }).addPattern(pattern`skank`))
  .addPhrase((p) => p.setMetadata({ originalWord: 'wetback' }).addPattern(pattern`wetback`))
  .addPhrase((p) => p.setMetadata({ originalWord: 'spic' }).addPattern(pattern`|spic|`).addPattern(pattern`|spics|`))
  .addPhrase((p) => p.setMetadata({ originalWord: 'coon' }).addPattern(pattern`|coon|`).addPattern(pattern`|coons|`))
  .addPhrase((p) => p.setMetadata({ originalWord: 'beaner' }).addPattern(pattern`beaner`));

const matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });

const INSULT_WORDS = String.raw`(?:idiot|idiots|moron|morons|imbecile|stupid|dumb|dumbest|fool|clown|clowns|pig|pigs|cow|witch|loser|losers|jerk|jerks|scum|scumbag|trash|garbage|pathetic|disgusting|ugly|fat|lazy|worthless|incompetent|useless|psycho|crazy|freak|creep|dumbass|ignorant|hag|troll|dirtbag|sleazebag|sleaze|snake|parasite|vulture|bimbo|airhead|brainless|subhuman|animal|animals)`;
const INSULT = new RegExp(String.raw`\b(?:you(?:'re| are|r)?|u r|ur|she(?:'s| is)|he(?:'s| is)|they(?:'re| are)|(?:this|that|the) (?:\w+ )?(?:doctor|dr|woman|man|lady|guy|receptionist|nurse|bitch|staff|girl)(?: at the desk)?(?: is| was)?|dr\.? \w+ (?:is|was)|what an?|such an?|bunch of|you)\s+(?:an? |such an? |the |a total |a complete |a |an |total |complete |absolute |fucking |freaking |stupid |fat |lazy |ugly |old |dumb )*${INSULT_WORDS}\b`);
const HOSTILE = /\b(?:scumbags?|sleaze ?bags?|dirt ?bags?|low-?lifes?|piece of (?:shit|garbage|trash|crap)|bunch of (?:\w+ )?(?:idiots|morons|clowns|crooks|scumbags|losers|thieves|liars|incompetents)|go to hell|burn in hell|rot in hell|shut (?:the \w+ )?up|kill yourself|kys|drop dead|get a (?:real )?job|f off|eff off|piss off|screw you|screw (?:her|him|them|this place)|(?:fat|ugly|stupid|lazy|dumb|old) (?:cow|pig|hag|witch|bitch|idiot|moron|loser|slob|bimbo|troll)|go back to (?:your|where) (?:country|you came)|you people)\b/;
const MILD = /\b(?:damn|dammit|goddamn|crap|crappy|hell(?! no| of a)|wtf|stfu|bs|pissed)\b/;

export function detectOffensive(input: DetectorInput): Flag[] {
  const text = input.title ? `${input.title}. ${input.text}` : input.text;
  const flags: Flag[] = [];
  let profanity = false;
  let slur = false;
  for (const m of matcher.getAllMatches(text)) {
    const word = dataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
    // "Dick" followed by a capitalised surname is a name, not profanity.
    if (word === 'dick' && /^Dick\s+[A-Z]/.test(text.slice(m.startIndex, m.startIndex + 8))) continue;
    if (SLURS.has(word)) slur = true;
    else profanity = true;
  }
  const norm = normalize(text);
  if (slur) flags.push({ category: 'offensive', severity: 'high', code: 'offensive.slur', reason: 'contains a slur' });
  let threat = false;
  let imminent = false;
  for (const s of sentences(norm)) {
    if (THREAT.test(s) || VEILED_THREAT.test(s) || WEAPON.test(s)) {
      threat = true;
      if (IMMINENT.test(s) || WEAPON.test(s)) imminent = true;
    }
  }
  if (threat) {
    flags.push({
      category: 'offensive', severity: imminent ? 'critical' : 'high', code: 'offensive.threat_staff',
      reason: imminent ? 'threatens violence, apparently soon' : 'threatens the practice or its staff',
    });
  }
  if (INSULT.test(norm) || HOSTILE.test(norm)) {
    flags.push({ category: 'offensive', severity: 'medium', code: 'offensive.harassment', reason: 'insults or harasses someone' });
  }
  if (profanity) flags.push({ category: 'offensive', severity: 'low', code: 'offensive.profanity', reason: 'contains profanity' });
  else if (flags.length === 0 && MILD.test(norm)) flags.push({ category: 'offensive', severity: 'low', code: 'offensive.mild_profanity', reason: 'contains mild profanity' });
  return flags;
}

export const offensiveDetector: DetectorDefinition = {
  id: 'offensive',
  version: 1,
  category: 'offensive',
  detect: (input) => detectOffensive(input),
};
