// Negation cues (VADER's list plus contractions without apostrophes) and a window check.

export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'without', 'hardly', 'barely',
  'rarely', 'seldom', 'cannot', "ain't", 'aint', "aren't", 'arent', "can't", 'cant', "couldn't", 'couldnt', "didn't",
  'didnt', "doesn't", 'doesnt', "don't", 'dont', "hadn't", 'hadnt', "hasn't", 'hasnt', "haven't", 'havent', "isn't",
  'isnt', "mightn't", "mustn't", "needn't", "shan't", "shouldn't", 'shouldnt', "wasn't", 'wasnt', "weren't", 'werent',
  "won't", 'wont', "wouldn't", 'wouldnt', 'nope', 'nor',
]);

/** True when one of the `window` tokens before index `i` negates it. */
export function negatedAt(tokens: readonly string[], i: number, window = 3): boolean {
  for (let k = Math.max(0, i - window); k < i; k++) {
    if (NEGATORS.has(tokens[k]!)) return true;
  }
  return false;
}

/** True when the text just before `index` in `s` (up to `chars` characters back, same clause) holds a negator. */
export function negatedBefore(s: string, index: number, chars = 28): boolean {
  let start = Math.max(0, index - chars);
  const before = s.slice(start, index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(' but '), before.lastIndexOf('.'));
  const clause = cut >= 0 ? before.slice(cut + 1) : before;
  return /\b(?:not|no|never|nobody|without|hardly|barely|didn't|didnt|don't|dont|doesn't|doesnt|wasn't|wasnt|isn't|isnt|weren't|won't|wont|can't|cant|haven't|hasn't|never)\b/.test(clause);
}
