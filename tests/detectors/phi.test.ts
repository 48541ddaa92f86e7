import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assessPhi, phiDetector } from '../../src/detectors/phi.ts';
import { EVAL_PRACTICE as practice } from '../../scripts/eval/phi.ts';

const cases: [string, string | null, { byPractice?: boolean; author?: string }?][] = [
  ['My neighbor Tom Becker has HIV and told everyone.', 'phi.third_party'],
  ['Saw Mrs. Ortiz at the oncology clinic again.', 'phi.third_party'],
  ['I have had diabetes for years and they finally listened.', 'phi.self_disclosure'],
  ['my mom has dementia and they were patient with her', 'phi.family_disclosure'],
  ["I'm Dana Whitfield, DOB 4/12/1971, my insulin refill is stuck. Call 555-201-7788.", 'phi.self_disclosure_identifiers'],
  ['Shoutout to our patient who came in Tuesday with the broken jaw from the bar fight on Main St!', 'phi.practice_disclosure', { byPractice: true }],
  ['Diabetes runs in families, so get checked.', null],
  ['The flu shot clinic was quick.', null],
  ['Dr. Patel is the best doctor in Springfield.', null],
  ['Flu shots are available now, no appointment needed!', null, { byPractice: true }],
];

for (const [text, code, opts] of cases) {
  test(`phi: ${text}`, () => {
    const { flag } = assessPhi({ text, ...opts }, practice);
    assert.equal(flag?.code ?? null, code);
    if (flag) {
      assert.equal(flag.category, 'phi');
      assert.ok(!/Becker|Ortiz|Whitfield|HIV|diabetes|dementia/i.test(flag.reason), 'reason is PHI-free');
    }
  });
}

test('severities follow the code', () => {
  const sev = (text: string, o = {}) => phiDetector.detect({ text, ...o }, { practice, entities: [] })[0]?.severity;
  assert.equal(sev('My neighbor Tom Becker has HIV.'), 'high');
  assert.equal(sev('I have asthma.'), 'low');
  assert.equal(sev('Our patient Dave came in with a broken arm.', { byPractice: true }), 'critical');
});

test('fixture set: sensitivity >= 0.95, no false positives', () => {
  const rows = readFileSync(new URL('../fixtures/detectors/phi/posts.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; phi: boolean; byPractice?: boolean });
  let tp = 0, pos = 0, fp = 0, neg = 0;
  for (const r of rows) {
    const flagged = assessPhi({ text: r.text, byPractice: r.byPractice }, practice).flag !== null;
    if (r.phi) { pos++; if (flagged) tp++; } else { neg++; if (flagged) fp++; }
  }
  assert.ok(tp / pos >= 0.95, `sensitivity ${tp}/${pos}`);
  assert.ok(fp / neg <= 0.1, `false positives ${fp}/${neg}`);
});

test('implied set (no pronouns, bare relatives, brand drugs, replies; generic health notices): sensitivity >= 0.9, FP <= 10%', () => {
  const rows = readFileSync(new URL('../fixtures/detectors/phi/implied.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; phi: boolean; byPractice?: boolean });
  let tp = 0, pos = 0, fp = 0, neg = 0;
  for (const r of rows) {
    const flagged = assessPhi({ text: r.text, byPractice: r.byPractice }, practice).flag !== null;
    if (r.phi) { pos++; if (flagged) tp++; } else { neg++; if (flagged) fp++; }
  }
  assert.ok(pos >= 60 && neg >= 40);
  assert.ok(tp / pos >= 0.9, `sensitivity ${tp}/${pos}`);
  assert.ok(fp / neg <= 0.1, `false positives ${fp}/${neg}`);
});

test('pronoun-less first person and bare relatives', () => {
  const code = (text: string) => assessPhi({ text }, practice).flag?.code ?? null;
  assert.equal(code('Tore my rotator cuff at the gym and the ortho got me in same day'), 'phi.self_disclosure');
  assert.equal(code('Colonoscopy Friday. Prep was rough but the GI team made it easy'), 'phi.self_disclosure');
  assert.equal(code('Dad just had a pacemaker put in, recovering well'), 'phi.family_disclosure');
  assert.equal(code('Free blood pressure checks at the health fair on Saturday!'), null);
  assert.equal(code('COVID testing site moved to the back parking lot last week.'), null);
  assert.equal(code('Shingles vaccine clinic this Saturday, 9am to noon. Walk-ins welcome!'), null);
});

test('extra set (lab values, devices, substance use, pregnancy, ages before relatives): sensitivity >= 0.95, FP <= 10%, health/person recall >= 0.95', async () => {
  const { DEMO_PRACTICE } = await import('../../src/demo/practice.ts');
  type Row = { text: string; phi: boolean; author_is_practice: boolean; entities: { type: string; text: string }[] };
  const rows = readFileSync(new URL('../fixtures/detectors/phi/extra.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  let tp = 0, pos = 0, fp = 0, neg = 0;
  const recall = { health: [0, 0], person: [0, 0] } as Record<string, [number, number]>;
  for (const r of rows) {
    const { flag, entities } = assessPhi({ text: r.text, byPractice: r.author_is_practice }, DEMO_PRACTICE);
    if (r.phi) { pos++; if (flag) tp++; } else { neg++; if (flag) fp++; }
    for (const e of r.entities) {
      const c = recall[e.type];
      if (!c) continue;
      const s = r.text.indexOf(e.text);
      c[1]++;
      if (entities.some((p) => p.type === e.type && p.start < s + e.text.length && p.end > s)) c[0]++;
    }
  }
  assert.ok(pos >= 30 && neg >= 8);
  assert.ok(tp / pos >= 0.95, `sensitivity ${tp}/${pos}`);
  assert.ok(fp / neg <= 0.1, `false positives ${fp}/${neg}`);
  for (const [type, [hit, all]] of Object.entries(recall)) assert.ok(hit / all >= 0.95, `${type} recall ${hit}/${all}`);
});

test('a practice reply that confirms the reader was seen is a critical disclosure, even without a name or health detail', () => {
  const code = (text: string) => assessPhi({ text, byPractice: true }, practice).flag;
  for (const text of [
    "Hi Dana, we're sorry your visit on Tuesday ran late. Please call us.",
    'Thanks for the review. Our records show you were seen twice this month.',
    'Thank you for your feedback! We remember you and hope the wait was worth it.',
  ]) {
    const f = code(text);
    assert.equal(f?.severity, 'critical', text);
    assert.equal(f?.code, 'phi.practice_disclosure', text);
  }
  for (const text of [
    "We're sorry to hear this. We can't discuss anyone's care online; please call our office manager.",
    'Thanks so much for the review! We hope your week is going well.',
    'Reminder: bring your insurance card and photo ID to every appointment.',
  ]) assert.equal(code(text), null, text);
});

test('a practice post about one particular patient ("our longtime patient", "our newest patient") is critical; generic patient words are not', () => {
  const flag = (text: string) => assessPhi({ text, byPractice: true }, practice).flag;
  for (const text of ['Happy 90th birthday to our longtime patient Mr. Jenkins!', 'Welcome to our newest patient, baby Theo, born Tuesday!', 'Congrats to our youngest patient on her first steps!']) {
    assert.equal(flag(text)?.severity, 'critical', text);
  }
  for (const text of ['Our new patient portal is live!', 'We love our amazing patients!', 'Meet our new patient care coordinator, Dana!', 'Thanks to all our wonderful patient families for the food drive.']) {
    assert.equal(flag(text), null, text);
  }
});

test('a practice\'s general reminder addressed to "you" is not a disclosure', () => {
  for (const text of ['Did you know your annual physical is fully covered by most plans?', 'Your flu shot is covered by most insurance plans - book today!']) {
    assert.equal(assessPhi({ text, byPractice: true }, practice).flag, null, text);
  }
  assert.equal(assessPhi({ text: 'Hope your knee surgery went well, Sam!', byPractice: true }, practice).flag?.severity, 'critical');
});
