import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildGuidance,
  validateTemplates,
  assertTemplateShape,
  checkReply,
  formatHours,
  REPLY_ACTIONS,
  NO_REPLY_ACTIONS,
} from '../../src/guidance/index.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';
import type { Category, Flag, PracticeFacts, Severity } from '../../src/core/types.ts';

const flag = (category: Category, code = `${category}.general`, severity: Severity = 'medium'): Flag => ({
  category, severity, code, reason: 'test reason',
});

const BARE: PracticeFacts = {
  ...DEMO_PRACTICE,
  name: 'Birchwood Dental',
  phones: ['(555) 010-2200'],
  addresses: ['45 Birch Rd, Fairview, OR 97024'],
  contact_phone: '(555) 010-2200',
  contact_email: null,
  website: null,
  hours: {},
  providers: [{ name: 'Dr. Ana Ruiz', current: true }],
  staff: [],
};

function assertSafeDraft(draft: string | null, practice: PracticeFacts, post?: string) {
  assert.ok(draft, 'a draft reply was expected');
  assert.ok(draft.includes(practice.contact_phone), 'the draft gives the contact phone');
  if (practice.contact_email) assert.ok(draft.includes(practice.contact_email), 'the draft gives the contact e-mail');
  assert.doesNotMatch(draft, /\{[a-z_]+\}/, 'no placeholder left');
  const check = checkReply(draft, { practice, post });
  assert.deepEqual(check.problems, [], 'the draft passes the reply checker');
}

const POST = 'Waited 2 hours for my colonoscopy follow-up with Dr. Okafor on June 3rd and the billing office lost my Aetna claim.';

test('negative: reply publicly with a general statement and offline contact', () => {
  for (const practice of [DEMO_PRACTICE, BARE]) {
    const g = buildGuidance([flag('negative', 'negative.wait_time')], practice);
    assert.equal(g.action.code, 'reply_offline');
    assert.match(g.action.text, /reply/i);
    assertSafeDraft(g.draftReply, practice, POST);
    assert.ok(!g.draftReply!.includes('{contact_email}'));
  }
});

test('advice seeking: no medical answer; only "please call"', () => {
  const g = buildGuidance([flag('advice', 'advice.medication')], DEMO_PRACTICE);
  assert.equal(g.action.code, 'redirect_medical_question');
  assert.match(g.action.text, /do not answer/i);
  assertSafeDraft(g.draftReply, DEMO_PRACTICE);
  assert.match(g.draftReply!, /medical questions/);
});

test('inaccurate: draft states the correct public fact from config, never the poster', () => {
  const all = buildGuidance([flag('inaccurate', 'inaccurate.listing')], DEMO_PRACTICE);
  assert.equal(all.action.code, 'correct_fact');
  assertSafeDraft(all.draftReply, DEMO_PRACTICE);
  assert.ok(all.draftReply!.includes(DEMO_PRACTICE.addresses[0]!));
  assert.ok(all.draftReply!.includes(formatHours(DEMO_PRACTICE.hours)));
  const phoneOnly = buildGuidance([flag('inaccurate', 'inaccurate.phone_mismatch')], DEMO_PRACTICE);
  assert.ok(!phoneOnly.draftReply!.includes('Suite 300'));
  assert.match(phoneOnly.draftReply!, /phone number is \(555\) 010-4477/);
  const hours = buildGuidance([flag('inaccurate', 'inaccurate.hours')], DEMO_PRACTICE);
  assert.match(hours.draftReply!, /hours are Mon–Wed 8 a\.m\. to 5 p\.m\.; Thu 8 a\.m\. to 7 p\.m\./);
  // A practice without hours never gets an empty "Our hours are ." sentence.
  const bare = buildGuidance([flag('inaccurate', 'inaccurate.hours')], BARE);
  assert.doesNotMatch(bare.draftReply!, /hours are/);
  assertSafeDraft(bare.draftReply, BARE);
});

test('offensive: hide on an owned page, report on a platform, never reply', () => {
  const owned = buildGuidance([flag('offensive', 'offensive.harassment')], DEMO_PRACTICE, {}, { owned: true });
  assert.equal(owned.action.code, 'hide_comment_offensive');
  assert.equal(owned.draftReply, null);
  const platform = buildGuidance([flag('offensive', 'offensive.slur', 'high')], DEMO_PRACTICE);
  assert.equal(platform.action.code, 'request_removal_offensive');
  assert.equal(platform.draftReply, null);
  const threat = buildGuidance([flag('offensive', 'offensive.threat_staff', 'critical')], DEMO_PRACTICE);
  assert.match(threat.action.text, /police/);
});

test('PHI: practice post → takedown + breach assessment; third party → hide or ask removal; self → generic reply', () => {
  const practice = buildGuidance([flag('phi', 'phi.practice_post', 'critical')], DEMO_PRACTICE, {}, { owned: true });
  assert.equal(practice.action.code, 'takedown_breach_assessment');
  assert.equal(practice.draftReply, null);
  assert.match(practice.action.text, /privacy officer/);
  const byStaff = buildGuidance([flag('phi', 'phi.third_party', 'high')], DEMO_PRACTICE, {}, { byPractice: true });
  assert.equal(byStaff.action.code, 'takedown_breach_assessment');
  const ownedPage = buildGuidance([flag('phi', 'phi.third_party', 'high')], DEMO_PRACTICE, {}, { owned: true });
  assert.equal(ownedPage.action.code, 'hide_comment_phi');
  assert.equal(ownedPage.draftReply, null);
  const platform = buildGuidance([flag('phi', 'phi.third_party', 'high')], DEMO_PRACTICE);
  assert.equal(platform.action.code, 'request_removal_phi');
  assert.equal(platform.draftReply, null);
  const self = buildGuidance([flag('phi', 'phi.self_disclosure'), flag('negative')], DEMO_PRACTICE);
  assert.equal(self.action.code, 'reply_generic_privacy');
  assertSafeDraft(self.draftReply, DEMO_PRACTICE, POST);
});

test('urgent: reach out through the clinical channel; public reply only points to 911 / 988', () => {
  const g = buildGuidance([flag('negative'), flag('urgent', 'urgent.self_harm', 'critical')], DEMO_PRACTICE);
  assert.equal(g.action.code, 'urgent_reach_out');
  assert.match(g.action.text, /clinical channel/);
  assert.match(g.draftReply!, /911/);
  assert.match(g.draftReply!, /988/);
  assertSafeDraft(g.draftReply, DEMO_PRACTICE);
});

test('several flags: the most protective action wins and the others become "also" steps', () => {
  const order: [Category, string][] = [
    ['urgent', 'urgent_reach_out'],
    ['phi', 'request_removal_phi'],
    ['offensive', 'request_removal_offensive'],
    ['advice', 'redirect_medical_question'],
    ['inaccurate', 'correct_fact'],
    ['negative', 'reply_offline'],
  ];
  for (let i = 0; i < order.length; i++) {
    const flags = order.slice(i).map(([c]) => flag(c)).reverse();
    const g = buildGuidance(flags, DEMO_PRACTICE);
    assert.equal(g.action.code, order[i]![1], `with ${flags.map((f) => f.category).join('+')}`);
    if (i < order.length - 1) assert.match(g.action.text, /Also: /);
  }
  // Practice PHI outranks third-party PHI and everything below urgent.
  const g = buildGuidance([flag('phi', 'phi.third_party'), flag('phi', 'phi.staff_post'), flag('offensive')], DEMO_PRACTICE);
  assert.equal(g.action.code, 'takedown_breach_assessment');
  assert.match(g.action.text, /Also: .*remove the health or identifying details.*report the offensive content/);
  // Advice + negative: the negative step is mentioned, the draft is the advice redirect.
  const a = buildGuidance([flag('negative'), flag('advice')], DEMO_PRACTICE);
  assert.equal(a.action.code, 'redirect_medical_question');
  assert.match(a.action.text, /follow up on the complaint privately/);
});

test('no flags: no action, no draft', () => {
  assert.deepEqual(buildGuidance([], DEMO_PRACTICE).draftReply, null);
  assert.equal(buildGuidance([], DEMO_PRACTICE).action.code, 'no_action');
});

test('every action text is plain words and carries the never-confirm rule', () => {
  const cases: [Flag[], { owned?: boolean }][] = [
    [[flag('negative')], {}], [[flag('advice')], {}], [[flag('inaccurate')], {}], [[flag('urgent')], {}],
    [[flag('offensive')], {}], [[flag('offensive')], { owned: true }], [[flag('phi')], {}], [[flag('phi')], { owned: true }],
    [[flag('phi', 'phi.practice')], {}], [[flag('phi', 'phi.self')], {}],
  ];
  const seen = new Set<string>();
  for (const [flags, opts] of cases) {
    const g = buildGuidance(flags, DEMO_PRACTICE, {}, opts);
    seen.add(g.action.code);
    assert.match(g.action.text, /never confirm or deny/i);
    assert.doesNotMatch(g.action.text, /[{}]|undefined|null/);
    assert.ok([...REPLY_ACTIONS, ...NO_REPLY_ACTIONS].includes(g.action.code as never));
    assert.equal(g.draftReply === null, (NO_REPLY_ACTIONS as readonly string[]).includes(g.action.code));
  }
  assert.equal(seen.size, 10);
});

test('configured templates override the defaults, with placeholders filled', () => {
  const templates = {
    reply_offline: 'We are sorry to hear this. {practice_name} would like to talk: please call {contact_phone} or write to {contact_email}.',
  };
  assert.deepEqual(validateTemplates(templates, DEMO_PRACTICE), []);
  const g = buildGuidance([flag('negative')], DEMO_PRACTICE, templates);
  assert.equal(
    g.draftReply,
    'We are sorry to hear this. Maple Grove Family Medicine would like to talk: please call (555) 010-4477 or write to office@maplegrovefamilymed.example.',
  );
});

test('validateTemplates: unknown keys, no-reply actions and unknown placeholders are clear problems', () => {
  const problems = validateTemplates(
    { reply_offlne: 'x {contact_phone}', request_removal_phi: 'call {contact_phone}', reply_offline: 'Call {phone_number} or {contact_phone}.' },
    DEMO_PRACTICE,
  );
  const codes = problems.map((p) => `${p.key}:${p.code}`).sort();
  assert.deepEqual(codes, ['reply_offline:unknown_placeholder', 'reply_offlne:unknown_key', 'request_removal_phi:no_reply_action']);
  assert.match(problems.find((p) => p.code === 'unknown_key')!.message, /expected one of: reply_offline/);
  assert.match(problems.find((p) => p.code === 'unknown_placeholder')!.message, /\{phone_number\}/);
  assert.throws(() => assertTemplateShape({ reply_offlne: 'x' }, 'cfg.yaml'), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /guidance\.templates\.reply_offlne: unknown template/);
    return true;
  });
  assert.doesNotThrow(() => assertTemplateShape({ reply_offline: 'Call {contact_phone}.' }));
});

test('validateTemplates: every default template passes the reply checker, for rich and bare practices', () => {
  assert.deepEqual(validateTemplates({}, DEMO_PRACTICE), []);
  assert.deepEqual(validateTemplates({}, BARE), []);
});

test('validateTemplates runs configured templates through the checker; unsafe ones fall back to the default', () => {
  const templates = {
    reply_offline: 'We reviewed your chart and you were seen on time. Actually, you arrived late. Call {contact_phone}.',
    redirect_medical_question: 'You should take ibuprofen. Call {contact_phone}.',
    correct_fact: 'Our hours are {hours}.',
    urgent_reach_out: 'Call {contact_phone} or e-mail {contact_email}.',
  };
  const problems = validateTemplates(templates, BARE);
  const codes = new Set(problems.map((p) => `${p.key}:${p.code}`));
  for (const c of [
    'reply_offline:confirms_relationship', 'reply_offline:argumentative', 'redirect_medical_question:medical_advice',
    'redirect_medical_question:health_detail', 'correct_fact:missing_contact_phone', 'correct_fact:missing_fact',
    'urgent_reach_out:missing_fact',
  ]) assert.ok(codes.has(c), `expected ${c} in ${[...codes].join(', ')}`);
  assert.ok(problems.every((p) => p.origin === 'config'));
  // The daemon refuses such a config; if guidance is asked anyway it never uses the unsafe text.
  const g = buildGuidance([flag('negative')], BARE, templates);
  assert.doesNotMatch(g.draftReply!, /chart|late/);
  assertSafeDraft(g.draftReply, BARE);
});

test('formatHours groups equal consecutive days', () => {
  assert.equal(formatHours(DEMO_PRACTICE.hours), 'Mon–Wed 8 a.m. to 5 p.m.; Thu 8 a.m. to 7 p.m.; Fri 8 a.m. to 4 p.m.; Sat–Sun closed');
  assert.equal(formatHours({ mon: '07:30-12:00, 13:00-18:15', wed: '07:30-12:00, 13:00-18:15' }), 'Mon 7:30 a.m. to 12 p.m. and 1 p.m. to 6:15 p.m.; Wed 7:30 a.m. to 12 p.m. and 1 p.m. to 6:15 p.m.');
  assert.equal(formatHours({}), '');
});

test('default drafts never echo the post they answer (every fixture post, every reply action)', async () => {
  const { readFileSync } = await import('node:fs');
  const read = (n: string) =>
    (JSON.parse(readFileSync(new URL(`../fixtures/replies/${n}`, import.meta.url), 'utf8')) as { post?: string }[])
      .map((f) => f.post)
      .filter((p): p is string => typeof p === 'string');
  const posts = [
    ...read('safe.json'),
    ...read('unsafe.json'),
    "I'm in crisis right now and I don't know who to call, is this an emergency?",
    'Your phone number on Google is wrong and your hours are wrong too.',
    'Can someone answer a quick medical question here? Social media is the only way I can reach you.',
  ];
  let checked = 0;
  for (const post of posts) {
    for (const f of [flag('negative'), flag('advice'), flag('inaccurate'), flag('urgent'), flag('phi', 'phi.self')]) {
      const g = buildGuidance([f], DEMO_PRACTICE);
      assert.ok(g.draftReply);
      assert.deepEqual(checkReply(g.draftReply, { practice: DEMO_PRACTICE, post }).problems, [], `${f.category} vs "${post}"`);
      checked++;
    }
  }
  assert.ok(checked > 500);
});
