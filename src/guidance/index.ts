// Guidance: from an item's flags, one recommended action (stable code + plain words for a busy responder) and a
// safe draft public reply, or null when the advice is not to reply publicly. Pure, no I/O.
// When several flags fire the most protective action wins:
//   urgent > PHI posted by the practice > PHI posted by someone else > offensive > advice > inaccurate > negative
// and the other flags become "also" steps in the action text.
import type { Flag, PracticeFacts } from '../core/types.ts';
import { checkReply } from './check-reply.ts';
import {
  DEFAULT_TEMPLATES,
  defaultCorrectFactTemplate,
  placeholdersIn,
  renderTemplate,
  templateShapeProblems,
  REPLY_ACTIONS,
  type ActionCode,
  type FactKind,
  type ReplyAction,
  type TemplateProblem,
} from './templates.ts';

export { checkReply, REPLY_PROBLEM_CODES } from './check-reply.ts';
export type { ReplyCheck, ReplyProblem, ReplyProblemCode, CheckReplyOptions } from './check-reply.ts';
export {
  REPLY_ACTIONS, NO_REPLY_ACTIONS, PLACEHOLDER_NAMES, DEFAULT_TEMPLATES, formatHours, renderTemplate,
  templateShapeProblems, assertTemplateShape,
} from './templates.ts';
export type { ActionCode, ReplyAction, NoReplyAction, TemplateProblem } from './templates.ts';

export interface Guidance {
  action: { code: string; text: string };
  draftReply: string | null;
}

export interface GuidanceOptions {
  /** The item was posted on a source the practice owns (its own page/feed): it can hide or delete it. */
  owned?: boolean;
  /** The item was posted by the practice itself or a staff member (known to the pipeline from config). */
  byPractice?: boolean;
}

/** The situations, most protective first. */
type Situation = 'urgent' | 'practice_phi' | 'third_party_phi' | 'self_phi' | 'offensive' | 'advice' | 'inaccurate' | 'negative';
const ORDER: readonly Situation[] = ['urgent', 'practice_phi', 'third_party_phi', 'self_phi', 'offensive', 'advice', 'inaccurate', 'negative'];

/** PHI flag codes naming the practice or staff as the author (e.g. `phi.practice_post`, `phi.staff`). */
const PRACTICE_PHI = /(?:practice|staff|employee|by_?us|own_post|provider)/;
/** PHI flag codes for a patient's own disclosure (e.g. `phi.self`, `phi.self_disclosure`). */
const SELF_PHI = /(?:self|own_disclosure|first_person)/;

function situationOf(flag: Flag, opts: GuidanceOptions): Situation | null {
  switch (flag.category) {
    case 'urgent':
      return 'urgent';
    case 'phi': {
      const code = String(flag.code ?? '').toLowerCase();
      if (opts.byPractice || PRACTICE_PHI.test(code)) return 'practice_phi';
      if (SELF_PHI.test(code)) return 'self_phi';
      return 'third_party_phi';
    }
    case 'offensive':
    case 'advice':
    case 'inaccurate':
    case 'negative':
      return flag.category;
    default:
      return null;
  }
}

/** The primary action for one situation on an owned / third-party source. */
function actionFor(s: Situation, owned: boolean): ActionCode {
  switch (s) {
    case 'urgent':
      return 'urgent_reach_out';
    case 'practice_phi':
      return 'takedown_breach_assessment';
    case 'third_party_phi':
      return owned ? 'hide_comment_phi' : 'request_removal_phi';
    case 'self_phi':
      return owned ? 'hide_comment_phi' : 'reply_generic_privacy';
    case 'offensive':
      return owned ? 'hide_comment_offensive' : 'request_removal_offensive';
    case 'advice':
      return 'redirect_medical_question';
    case 'inaccurate':
      return 'correct_fact';
    case 'negative':
      return 'reply_offline';
  }
}

const NEVER = 'Never confirm or deny that anyone is a patient, and never repeat anything from the post.';

function actionText(code: ActionCode, flags: readonly Flag[], owned: boolean): string {
  switch (code) {
    case 'urgent_reach_out':
      return (
        'Act now: this post suggests someone may be in danger. If you can tell who it is from your own records, have a clinician ' +
        'reach them today by phone through the practice\'s usual clinical channel. In public, only post the short reply below ' +
        'pointing to 911 and the 988 crisis line; do not discuss anything in the post.'
      );
    case 'takedown_breach_assessment':
      return (
        'Take the practice\'s post or reply down now: it reveals patient information. Do not reply publicly. Tell your privacy ' +
        'officer today so they can start the breach assessment (HIPAA may require notifying the patient).'
      );
    case 'hide_comment_phi':
      return (
        'Hide or delete this comment on your page: it contains someone\'s health or identifying details. Do not reply publicly. ' +
        'If you know who it concerns, a staff member may call them privately.'
      );
    case 'request_removal_phi':
      return (
        'Do not reply publicly: the post contains health or identifying details about someone, and any reply draws attention to ' +
        'them. Ask the site to remove it through its "report" option (privacy / personal information).'
      );
    case 'reply_generic_privacy':
      return (
        'The writer shares their own health details. If you reply, post only the general reply below and invite them to call. ' +
        'Do not mention, correct or explain anything they wrote.'
      );
    case 'hide_comment_offensive': {
      const threat = flags.some((f) => f.category === 'offensive' && /threat/.test(f.code));
      return (
        'Hide or delete this offensive comment on your page; do not reply to it.' +
        (threat ? ' It contains a threat: tell the practice manager, and call the police if anyone may be in danger.' : '')
      );
    }
    case 'request_removal_offensive': {
      const threat = flags.some((f) => f.category === 'offensive' && /threat/.test(f.code));
      return (
        'Do not reply. Report the post to the site as offensive and ask for its removal.' +
        (threat ? ' It contains a threat: tell the practice manager, and call the police if anyone may be in danger.' : '')
      );
    }
    case 'redirect_medical_question':
      return (
        'Do not answer the medical question in public. If you reply, use only the short reply below that asks them to call; ' +
        'a clinician can then help privately.'
      );
    case 'correct_fact':
      return (
        'Fix the wrong information at its source (the listing\'s owner or "suggest an edit" tools). If you reply, only state ' +
        'the correct public facts, as in the draft below; do not mention the person who posted.'
      );
    case 'reply_offline':
      return (
        'Reply publicly with the short general reply below, then wait for their call and follow up privately. ' +
        'Do not argue or explain what happened.'
      );
    case 'no_action':
      return 'Nothing to do.';
  }
}

/** A short "also" step for a secondary situation, given the primary action. */
function alsoStep(s: Situation, owned: boolean): string {
  switch (s) {
    case 'urgent':
      return 'someone may be in danger: reach them through the clinical channel first';
    case 'practice_phi':
      return 'take down the practice\'s own post that reveals patient information and tell the privacy officer';
    case 'third_party_phi':
    case 'self_phi':
      return owned ? 'hide the comment, since it contains health or identifying details' : 'ask the site to remove the health or identifying details';
    case 'offensive':
      return owned ? 'hide the offensive comment' : 'report the offensive content to the site';
    case 'advice':
      return 'do not answer the medical question publicly';
    case 'inaccurate':
      return 'correct the wrong phone, address or hours in the listing';
    case 'negative':
      return 'follow up on the complaint privately by phone, never online';
  }
}

function factKinds(flags: readonly Flag[]): Set<FactKind> {
  const kinds = new Set<FactKind>();
  for (const f of flags) {
    if (f.category !== 'inaccurate') continue;
    const c = String(f.code ?? '').toLowerCase();
    if (/phone|telephone|number/.test(c)) kinds.add('phone');
    if (/address|location|moved/.test(c)) kinds.add('address');
    if (/hour|open|closed|schedule/.test(c)) kinds.add('hours');
    if (/website|url|site/.test(c)) kinds.add('website');
  }
  return kinds;
}

/** The template text for an action: the configured one when usable, else the default. */
function templateFor(action: ReplyAction, practice: PracticeFacts, templates: Readonly<Record<string, string>>, flags: readonly Flag[]): string {
  const configured = Object.hasOwn(templates, action) ? templates[action] : undefined;
  if (typeof configured === 'string' && configured.trim() && usable(action, configured, practice)) return configured;
  if (action === 'correct_fact') return defaultCorrectFactTemplate(practice, factKinds(flags));
  const d = DEFAULT_TEMPLATES[action];
  return practice.contact_email ? d.withEmail : d.withoutEmail;
}

/** A configured template is used only when it is well-formed for this practice (validateTemplates says why not). */
function usable(action: ReplyAction, template: string, practice: PracticeFacts): boolean {
  return templateProblems(action, template, 'config', practice).length === 0;
}

function templateProblems(action: ReplyAction, template: string, origin: 'default' | 'config', practice: PracticeFacts): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const p = (code: string, message: string) => out.push({ key: action, origin, code, message });
  if (origin === 'config') {
    for (const s of templateShapeProblems({ [action]: template })) out.push(s);
    if (out.length) return out;
  }
  const names = placeholdersIn(template);
  if (!names.includes('contact_phone')) p('missing_contact_phone', 'the reply must give {contact_phone} so the person can reach the practice');
  if (names.includes('contact_email') && !practice.contact_email) p('missing_fact', 'uses {contact_email} but the practice has no contact_email');
  if (names.includes('website') && !practice.website) p('missing_fact', 'uses {website} but the practice has no website');
  if (names.includes('hours') && Object.keys(practice.hours).length === 0) p('missing_fact', 'uses {hours} but the practice has no hours');
  for (const problem of checkReply(renderTemplate(template, practice), { practice }).problems) {
    p(problem.code, `reply checker: ${problem.message}`);
  }
  return out;
}

/**
 * Every template — default and configured — rendered for this practice and run through the reply checker.
 * Returns the problems (empty when all is well). The daemon calls it at startup and refuses a bad config.
 */
export function validateTemplates(templates: Readonly<Record<string, string>>, practice: PracticeFacts): TemplateProblem[] {
  const problems = templateShapeProblems(templates ?? {});
  const badKeys = new Set(problems.map((p) => p.key));
  for (const action of REPLY_ACTIONS) {
    if (action === 'correct_fact') {
      for (const kinds of [[], ['phone'], ['address'], ['hours'], ['website']] as FactKind[][]) {
        problems.push(...templateProblems(action, defaultCorrectFactTemplate(practice, new Set(kinds)), 'default', practice));
      }
    } else {
      const d = DEFAULT_TEMPLATES[action];
      problems.push(...templateProblems(action, practice.contact_email ? d.withEmail : d.withoutEmail, 'default', practice));
    }
    const configured = templates?.[action];
    if (typeof configured === 'string' && !badKeys.has(action)) problems.push(...templateProblems(action, configured, 'config', practice));
  }
  // One entry per (key, origin, code, message).
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.key}|${p.origin}|${p.code}|${p.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** The recommended action and draft reply for an item's flags. */
export function buildGuidance(
  flags: readonly Flag[],
  practice: PracticeFacts,
  templates: Readonly<Record<string, string>> = {},
  opts: GuidanceOptions = {},
): Guidance {
  const owned = opts.owned === true;
  const present = new Set<Situation>();
  for (const f of flags ?? []) {
    const s = situationOf(f, opts);
    if (s) present.add(s);
  }
  const ordered = ORDER.filter((s) => present.has(s));
  const primary = ordered[0];
  if (!primary) return { action: { code: 'no_action', text: actionText('no_action', flags, owned) }, draftReply: null };

  const code = actionFor(primary, owned);
  let text = actionText(code, flags, owned);
  const also: string[] = [];
  for (const s of ordered.slice(1)) {
    // self_phi and third_party_phi give the same step; say it once.
    const step = alsoStep(s, owned);
    if (!also.includes(step) && actionFor(s, owned) !== code) also.push(step);
  }
  if (also.length) text += ` Also: ${also.join('; ')}.`;
  if (code !== 'no_action' && !text.includes(NEVER)) text += ` ${NEVER}`;

  const draftReply = (REPLY_ACTIONS as readonly string[]).includes(code)
    ? renderTemplate(templateFor(code as ReplyAction, practice, templates ?? {}, flags), practice)
    : null;
  return { action: { code, text }, draftReply };
}
