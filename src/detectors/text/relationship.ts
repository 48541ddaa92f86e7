// Phrases by which a text written by the practice confirms (or denies) that someone is its patient: "your
// visit", "when you were here", "our records show", "you are not one of our patients". A public reply must do
// neither (HHS has fined practices for replies that confirmed a patient relationship). Shared by the reply checker
// (guidance) and the phi detector (a practice's own post that confirms a patient is a disclosure). Pure. Patterns
// run on lower-cased text whose offsets equal the original's (see `foldSameLength`).

/** Lower-cases and folds quotes/dashes ONE code unit for one, so match offsets stay those of the original text. */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    let c = ch;
    if (c === '\u2018' || c === '\u2019' || c === '\u02bc' || c === '`' || c === '\u00b4') c = "'";
    else if (c === '\u201c' || c === '\u201d') c = '"';
    else if (c === '\u2013' || c === '\u2014') c = '-';
    else if (c === '\u00a0') c = ' ';
    else {
      const l = c.toLowerCase();
      if (l.length === c.length) c = l;
    }
    out += c;
  }
  return out;
}

export interface RelationshipRule {
  message: string;
  re: RegExp;
}

const rx = (parts: readonly string[]) => new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'g');

export const FAMILY = "son|daughter|child|children|kid|kids|baby|mother|mom|father|dad|husband|wife|spouse|partner|grandmother|grandma|grandfather|grandpa|parent|parents|sister|brother";
export const CARE_NOUNS =
  'visit|visits|appointment|appointments|appt|stay|procedure|procedures|surgery|operation|treatment|treatments|therapy|exam|examination|' +
  'check-?up|consultation|consult|tests?|results?|labs?|lab work|bloodwork|blood work|x-?rays?|scans?|mri|imaging|' +
  'prescriptions?|medications?|meds|refills?|records?|chart|charts|medical file|patient file|file|account|bill|bills|billing|' +
  'balance|invoice|statement|claim|copay|co-pay|deductible|payment plan|care plan|treatment plan|plan of care|care team|' +
  'cleaning|filling|crown|root canal|implant|extraction|injection|vaccines?|shot|biopsy|referral|follow-?up|admission|' +
  'discharge|session|sessions|check-in|intake|paperwork|insurance claim|dental work|physical|mammogram|colonoscopy|' +
  'ultrasound|wait|wait time|time with us|time here|time in our|care with us|care here|care at|case|history|insurance|' +
  'bridge|dentures?|braces|retainer|glasses|contacts|contact lenses|hearing aids?|cast|brace|splint|sample|blood sample|' +
  'specimen|swab|bloodwork|coverage|benefits|plan';
const MODS = '(?:(?:new|recent|last|latest|first|previous|prior|next|upcoming|scheduled|missed|cancel+ed|follow-up|initial|annual|routine|entire|whole|medical|dental|lab|test|surgical|overdue|outstanding|unpaid|remaining|recent) )*';
const CLINICIAN = 'doctor|physician|dentist|provider|surgeon|nurse|therapist|hygienist|counselor|pediatrician|clinician|specialist';

/** Every rule; `re` is global: use `matchAll` on folded text. */
export const RELATIONSHIP_RULES: readonly RelationshipRule[] = [
  {
    message: 'refers to the person\'s own visit, care, records or bill, which confirms they are a patient',
    re: rx([`\\byour ${MODS}(?:${CARE_NOUNS})\\b`, `\\byour (?:${FAMILY})(?:'s)?\\b`]),
  },
  {
    message: 'speaks as or about the person\'s clinician, which confirms they are a patient',
    re: rx([
      `\\bas your (?:${CLINICIAN}|care team|clinic|practice|medical home|dental home)s?\\b`,
      `\\byour (?:${CLINICIAN})s?,? (?:dr\\b|here|at our|at this|with us|in our|from our)`,
    ]),
  },
  {
    message: 'says the person was seen, treated, billed or contacted here, which confirms they are a patient',
    re: rx([
      "\\b(?:when|while|after|before|since|the day|the time) you (?:were (?:here|in|at|seen|treated|admitted|examined|checked)|came|come|visited|stopped by|checked in|arrived|saw|met with|last (?:came|visited|saw|were))\\b",
      '\\byou (?:were|have been|had been|got) (?:seen|treated|examined|admitted|discharged|diagnosed|prescribed|referred|billed|charged|scheduled|rescheduled|here|in our|at our|under (?:our|the) care|under dr|sent to collections|turned away|sent home|asked to leave|dismissed from|discharged from)\\b',
      "\\byou(?:'ve| have)? (?:came|come|stopped) (?:in|into|by|to see us|to our|to the office)\\b",
      '\\byou (?:visited|saw|met with|consulted) (?:us|our|dr\\b|the doctor|one of our)',
      '\\byou (?:received|underwent|had|got) (?:a |an |your |the |this )?(?:procedure|surgery|treatment|test|tests|exam|care|vaccine|shot|injection|filling|crown|cleaning|x-?rays?|labs?)\\b',
      '\\bthe (?:care|treatment|service|services|procedure|bill|test|results) you (?:received|got|were given|had|underwent|were charged)\\b',
      "\\b(?:we|i|our (?:team|staff|doctors?|providers?|nurses?|office|billing (?:team|department|office))|dr\\.? [a-z]+) (?:saw|treated|examined|diagnosed|prescribed|billed|charged|admitted|discharged|referred|tested|remember(?:ed)?|recall(?:ed)?|scheduled|rescheduled|called|contacted|texted|e-?mailed|mailed|sent|notified|reminded|tried to (?:call|reach|contact)|left) (?:you|your|a (?:message|voicemail) for you)\\b",
      '\\b(?:reviewed|checked|looked (?:into|at|over|through)|pulled|went through|audited|investigated) (?:your|the patient\'?s?) (?:' + CARE_NOUNS + ')\\b',
      '\\bour (?:records|files|notes|charts?|system|logs|schedule|billing records) (?:show|shows|indicate|indicates|reflect|reflects|say|says|confirm|confirms|note|notes)\\b',
      '\\baccording to (?:our|your) (?:records|files|notes|charts?|system|logs|schedule)\\b',
      '\\bin (?:our|your) (?:records|chart|patient file|system|files)\\b',
      '\\b(?:as|you are|you\'re|you were|you\'ve been|you have been|being|you remain|remain) (?:a |our |one of our |an )?(?:valued |long-?time |loyal |new |former |current |established |existing )?patients?(?!-)\\b',
      '\\b(?:valued|long-?time|loyal|established) patient(?!-)\\b',
      '\\bpatient of (?:ours|dr\\b|our)',
      '\\bwe (?:remember|recall) (?:you|your|seeing|when|treating|meeting)\\b',
      '\\byou (?:waited|had to wait|were waiting|were kept waiting)\\b',
      '\\bthe wait you\\b',
      '\\byou (?:phoned|called|e-?mailed|messaged|contacted|wrote to|texted) (?:us|our|the office|the clinic|the practice)\\b',
      '\\b(?:checked|reviewed|pulled|looked at) (?:the|our) (?:call|phone|appointment|visit|billing) (?:logs?|records?|history)\\b',
      '\\b(?:spoke|talked|met|worked|dealt) with you\\b',
      '\\b(?:get|got|fit|fitted|squeeze|squeezed|work|worked) you in\\b',
      '\\b(?:that|the|this) (?:appointment|visit|procedure|exam|surgery) (?:went|turned out)\\b',
      "\\byou(?:'ve| have) been (?:with us|coming (?:here|to us|in|to see us)|seeing (?:us|dr|our)|in our care)\\b",
      '\\bon (?:one|a single|just one) (?:visit|appointment)\\b',
    ]),
  },
  {
    message: 'says whether or not the person is a patient; a public reply must neither confirm nor deny it',
    re: rx([
      '\\b(?:have|had|found|find|show) no (?:record|records|trace) of\\b',
      '\\bno (?:record|records) of (?:you|your|this|a visit|an appointment|any|that)\\b',
      '\\b(?:were|are|have been|was) (?:never|not) (?:a |our |one of our )?(?:patient|patients|seen|here|treated)\\b',
      '\\bnot (?:one of )?our patients?\\b',
      '\\bnever (?:been )?(?:a )?patient (?:here|of ours|with us|at)\\b',
      '\\bwe (?:have )?never (?:seen|treated|met|examined) you\\b',
    ]),
  },
];

/** True when the text (as written) confirms or denies that someone is a patient. */
export function confirmsRelationship(text: string): boolean {
  const folded = foldSameLength(text);
  for (const r of RELATIONSHIP_RULES) {
    r.re.lastIndex = 0;
    if (r.re.test(folded)) {
      r.re.lastIndex = 0;
      return true;
    }
  }
  return false;
}
