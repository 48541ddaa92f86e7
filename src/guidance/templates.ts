// Draft-reply templates: defaults in code, keyed by action code, overridable via config `guidance.templates`.
// Placeholders: {practice_name} {contact_phone} {contact_email} {address} {hours} {website}.
import { ConfigError } from '../core/errors.ts';
import type { PracticeFacts } from '../core/types.ts';

/** Actions that come with a public draft reply (the only valid template keys). */
export const REPLY_ACTIONS = [
  'reply_offline',
  'reply_generic_privacy',
  'redirect_medical_question',
  'correct_fact',
  'urgent_reach_out',
] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];

/** Actions where the advice is not to reply publicly at all: a template for them is a config error. */
export const NO_REPLY_ACTIONS = [
  'takedown_breach_assessment',
  'hide_comment_phi',
  'request_removal_phi',
  'hide_comment_offensive',
  'request_removal_offensive',
  'no_action',
] as const;
export type NoReplyAction = (typeof NO_REPLY_ACTIONS)[number];
export type ActionCode = ReplyAction | NoReplyAction;

export const PLACEHOLDER_NAMES = ['practice_name', 'contact_phone', 'contact_email', 'address', 'hours', 'website'] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

const CONTACT = 'Please call our office manager at {contact_phone}';
const CONTACT_EMAIL = 'Please call our office manager at {contact_phone} or e-mail {contact_email}';

/** Default templates, with and without an e-mail address (chosen by whether the practice has `contact_email`). */
export const DEFAULT_TEMPLATES: Readonly<Record<Exclude<ReplyAction, 'correct_fact'>, { withEmail: string; withoutEmail: string }>> = {
  reply_offline: both(
    (c) =>
      `Thank you for taking the time to share your feedback. We take every concern seriously and would welcome the chance to talk with you directly. ${c} so we can learn more.`,
  ),
  reply_generic_privacy: both(
    (c) =>
      `Thank you for your feedback. To protect everyone's privacy, we never discuss any individual's information online. We would welcome the chance to talk with you directly. ${c}.`,
  ),
  redirect_medical_question: both(
    (c) =>
      `Thank you for reaching out. We are not able to answer medical questions on social media or review sites, because a safe answer needs a private conversation. ${c.replace('our office manager', '{practice_name}')} and our team will help. If this is an emergency, call 911.`,
  ),
  urgent_reach_out: both(
    (c) =>
      `If you or someone you know needs help right now, please call 911, or call or text 988 (the Suicide & Crisis Lifeline) at any hour. ${c.replace('our office manager', '{practice_name}')}.`,
  ),
};

function both(make: (contact: string) => string) {
  return { withEmail: make(CONTACT_EMAIL), withoutEmail: make(CONTACT) };
}

/** Which public facts a `correct_fact` draft states; derived from the inaccurate flags' codes. */
export type FactKind = 'phone' | 'address' | 'hours' | 'website';

/** The default `correct_fact` draft: states only the practice's correct public facts, never the poster. */
export function defaultCorrectFactTemplate(practice: PracticeFacts, kinds: ReadonlySet<FactKind>): string {
  const all = kinds.size === 0;
  const parts = ['Thank you for helping us keep information about {practice_name} accurate.'];
  if (all || kinds.has('phone')) parts.push('Our phone number is {contact_phone}.');
  if ((all || kinds.has('address')) && practice.addresses.length > 0) parts.push('Our address is {address}.');
  if ((all || kinds.has('hours')) && formatHours(practice.hours)) parts.push('Our hours are {hours}.');
  if (kinds.has('website') && practice.website) parts.push('Our website is {website}.');
  parts.push(practice.contact_email ? `${CONTACT_EMAIL} with any questions.` : `${CONTACT} with any questions.`);
  return parts.join(' ');
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

function clock(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const suffix = h >= 12 && h < 24 ? 'p.m.' : 'a.m.';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${h12} ${suffix}` : `${h12}:${String(m).padStart(2, '0')} ${suffix}`;
}

function formatDay(v: string): string {
  if (v.trim().toLowerCase() === 'closed') return 'closed';
  return v
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const [a, b] = r.split('-');
      return a && b ? `${clock(a)} to ${clock(b)}` : r;
    })
    .join(' and ');
}

/** "Mon–Wed 8 a.m. to 5 p.m.; Thu 8 a.m. to 7 p.m.; Sat–Sun closed" (consecutive equal days grouped), or '' when unknown. */
export function formatHours(hours: Readonly<Record<string, string>>): string {
  const groups: { from: string; to: string; value: string }[] = [];
  for (const d of DAYS) {
    const v = hours[d];
    if (typeof v !== 'string') continue;
    const value = formatDay(v);
    const last = groups[groups.length - 1];
    if (last && last.value === value && DAYS.indexOf(last.to as (typeof DAYS)[number]) === DAYS.indexOf(d) - 1) last.to = d;
    else groups.push({ from: d, to: d, value });
  }
  return groups
    .map((g) => `${DAY_NAMES[g.from]}${g.to !== g.from ? `\u2013${DAY_NAMES[g.to]}` : ''} ${g.value}`)
    .join('; ');
}

/** The value of every placeholder for one practice ('' when the practice has no such fact). */
export function placeholderValues(practice: PracticeFacts): Record<PlaceholderName, string> {
  return {
    practice_name: practice.name,
    contact_phone: practice.contact_phone,
    contact_email: practice.contact_email ?? '',
    address: practice.addresses[0] ?? '',
    hours: formatHours(practice.hours),
    website: practice.website ?? '',
  };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholder names a template uses (known or not). */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills the placeholders. Unknown ones are left as they are (validation reports them). */
export function renderTemplate(template: string, practice: PracticeFacts): string {
  const values = placeholderValues(practice);
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    (PLACEHOLDER_NAMES as readonly string[]).includes(name) ? values[name as PlaceholderName] : whole,
  );
}

export interface TemplateProblem {
  /** The template key (action code), e.g. `reply_offline`. */
  key: string;
  /** Where the template came from. */
  origin: 'default' | 'config';
  /** `unknown_key`, `no_reply_action`, `unknown_placeholder`, `empty`, `missing_contact_phone`, `missing_fact`, or a reply-checker code. */
  code: string;
  message: string;
}

/** Structural problems of configured templates: unknown keys, keys of no-reply actions, unknown placeholders. */
export function templateShapeProblems(templates: Readonly<Record<string, string>>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const [key, text] of Object.entries(templates ?? {})) {
    const p = (code: string, message: string) => problems.push({ key, origin: 'config', code, message });
    if ((NO_REPLY_ACTIONS as readonly string[]).includes(key)) {
      p('no_reply_action', `"${key}" is an action where the advice is not to reply publicly, so it takes no template`);
      continue;
    }
    if (!(REPLY_ACTIONS as readonly string[]).includes(key)) {
      p('unknown_key', `unknown template "${key}" (expected one of: ${REPLY_ACTIONS.join(', ')})`);
      continue;
    }
    if (typeof text !== 'string' || text.trim() === '') {
      p('empty', 'the template is empty');
      continue;
    }
    for (const name of placeholdersIn(text)) {
      if (!(PLACEHOLDER_NAMES as readonly string[]).includes(name)) {
        p('unknown_placeholder', `unknown placeholder {${name}} (expected one of: ${PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(', ')})`);
      }
    }
  }
  return problems;
}

/** Throws one ConfigError listing every structural problem of `guidance.templates`. */
export function assertTemplateShape(templates: Readonly<Record<string, string>>, file?: string): void {
  const problems = templateShapeProblems(templates);
  if (problems.length === 0) return;
  const lines = problems.map((p) => `guidance.templates.${p.key}: ${p.message}`);
  throw new ConfigError(lines.join('\n'), file, undefined, `guidance.templates.${problems[0]!.key}`);
}
