// Sentiment lexicon: the VADER lexicon (vader-sentiment, Apache-2.0; Hutto & Gilbert 2014) loaded once at import,
// with healthcare-specific corrections on top. Medical words are not opinions: "cancer", "pain" or "depression"
// in a review describe the reason for the visit, so they are neutralised; care-specific complaint words are added.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loadVader(): Map<string, number> {
  const map = new Map<string, number>();
  const file = require.resolve('vader-sentiment/vader_lexicon.txt');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const word = line.slice(0, tab);
    if (!/^[a-z][a-z']*$/.test(word)) continue; // words only; emoticons are not used on reviews
    const score = Number.parseFloat(line.slice(tab + 1));
    if (Number.isFinite(score)) map.set(word, score);
  }
  return map;
}

/** Neutral in a healthcare context (symptoms, conditions, reasons for a visit). */
const NEUTRAL = [
  'ache', 'aches', 'aching', 'anxiety', 'anxious', 'cancer', 'depression', 'depressed', 'die', 'died', 'death', 'disease',
  'emergency', 'fear', 'afraid', 'scared', 'nervous', 'worried', 'worry', 'worries', 'worrying', 'hurt', 'hurts',
  'hurting', 'ill', 'illness', 'infection', 'injured', 'injury', 'injuries', 'pain', 'pains', 'painful',
  'sick', 'sickness', 'sore', 'stress', 'stressed', 'tumor', 'tumors',
  'cried', 'cry', 'crying', 'tears', 'pressure', 'low', 'negative', 'positive', 'fight',
  'fighting', 'fought', 'battle', 'no', 'suffering', 'suffer',
  'suffered', 'grief', 'grieving', 'crisis', 'alone', 'cut', 'cuts', 'bleeding',
  'attack', 'attacks', 'stroke', 'killer', 'killing', 'kill', 'killed', 'dead', 'fatal', 'terminal', 'critical',
  'care', 'cares', 'like', 'please', 'help', 'yes', 'ok', 'okay', 'fine', 'well', 'free', 'clear', 'cure',
  'cured', 'healthy', 'health', 'united', 'true', 'chronic', 'urgent', 'intense', 'serious', 'seriously',
  'ugh', 'shot', 'shots', 'dearly', 'dear', 'wish', 'hope', 'hopefully', 'want', 'joke',
  'stop', 'stopped', 'dizzy', 'numb', 'weak', 'weakness', 'tired', 'exhausted', 'fatigue', 'vomiting', 'nausea',
  'swollen', 'rash', 'fever', 'itchy', 'itch',
  // descriptions of a person or a condition, not opinions of the care
  'shy', 'restless', 'strong', 'falling', 'lost', 'loss', 'weird', 'fell', 'fall', 'broken', 'miss', 'missed',
  // how frightening the illness or event was, not how the care was
  'accident', 'accidents', 'scary', 'frightening', 'terrified', 'terrifying',
];

/** Healthcare review vocabulary VADER lacks or mis-scores. */
const OVERRIDES: Record<string, number> = {
  rushed: -1.8, rushing: -1.5, dismissive: -2.2, dismissed: -1.6, condescending: -2.2, uncaring: -2.4, clueless: -2,
  unhelpful: -2, disorganized: -1.8, unorganized: -1.8, incompetence: -2.4, negligent: -2.8, negligence: -2.8,
  misdiagnosed: -2.6, misdiagnosis: -2.6, overcharged: -2.2, overbooked: -1.5, unanswered: -1.2, ignored: -1.6,
  careless: -2, unsanitary: -2.3, filthy: -2.4, dirty: -1.8, rudest: -3, belittled: -2.2, belittling: -2.2,
  patronizing: -2, patronising: -2, arrogant: -2.4, unprepared: -1.4, unreachable: -1.6, unresponsive: -1.4,
  botched: -2.8, horrendous: -3, atrocious: -3, nightmare: -2.5, chaos: -1.8, chaotic: -1.8, mediocre: -1.4,
  overpriced: -1.8, scam: -2.6, ripoff: -2.5, apathetic: -1.8, inattentive: -1.8, abrupt: -1.2, curt: -1.4,
  snippy: -1.6, snotty: -1.8, cold: -0.6, lazy: -1.8, lied: -2.2, lying: -2.2, liar: -2.6, unreliable: -1.8,
  inconsiderate: -1.8, impatient: -1.2, unfriendly: -1.8, hostile: -2, unwilling: -1.2, refused: -1.6,
  thorough: 2.0, knowledgeable: 2.0, attentive: 2.0, compassionate: 2.4, professional: 1.6, efficient: 1.6,
  courteous: 2, personable: 1.8, punctual: 1.4, prompt: 1.2, gentle: 1.6, patient: 0.0, patients: 0.0, kind: 2.0,
  listens: 1.4, listened: 1.2, explains: 1.0, explained: 0.8, responsive: 1.4, accommodating: 1.8, reassuring: 1.6,
  recommend: 1.8, recommended: 1.4, trust: 1.8, thankful: 2.2, grateful: 2.4, blessed: 2.2, awesome: 3,
  meh: -1.5, letdown: -1.8, lacking: -1.4, nonexistent: -1.4, unheard: -1.6, incredible: 2.6, bearable: 1.0, legit: 1.5,
  pleasant: 2, friendly: 2.2, amazing: 2.8, excellent: 3.0, fantastic: 3, superb: 3, outstanding: 3, caring: 2.4,
};

export const LEXICON: ReadonlyMap<string, number> = (() => {
  const map = loadVader();
  for (const w of NEUTRAL) map.delete(w);
  for (const [w, v] of Object.entries(OVERRIDES)) {
    if (v === 0) map.delete(w);
    else map.set(w, v);
  }
  return map;
})();

const INC = 0.293;
const DEC = -0.293;
/** VADER's booster words. */
export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...['absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'enormously', 'entirely',
    'especially', 'exceptionally', 'extremely', 'fabulously', 'fully', 'greatly', 'highly', 'hugely', 'incredibly',
    'intensely', 'majorly', 'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably', 'so',
    'substantially', 'thoroughly', 'totally', 'tremendously', 'unbelievably', 'unusually', 'utterly', 'very',
    'super', 'truly', 'beyond', 'fucking', 'freaking', 'ridiculously', 'insanely'].map((w) => [w, INC] as const),
  ...['almost', 'barely', 'hardly', 'kinda', 'less', 'little', 'marginally', 'occasionally', 'partly', 'scarcely',
    'slightly', 'somewhat', 'sorta'].map((w) => [w, DEC] as const),
]);
