// Block Kit rendering of outbox payloads. Pure. Payloads arrive masked; EVERY string that came from a post or a
// source (excerpt, url, source name, reasons, error) is escaped here with escapeSlackMrkdwn / slackLink, so a post
// cannot mention @channel, a user, or smuggle a link or formatting into the alert. `text` fallbacks are escaped too.
import type { AlertPayload, SourceHealthPayload } from '../core/alert.ts';
import type { Severity } from '../core/types.ts';
import { escapeSlackMrkdwn, slackLink, stripControl } from '../privacy/escape.ts';

/** Slack block objects (kept loose: the SDK accepts plain JSON). */
export type Block = Record<string, unknown>;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** An alert payload as the outbox may carry it: reminders add `reminder`, deletions may add `deleted`. */
export type AlertLike = AlertPayload & { reminder?: boolean; deleted?: boolean; cleared?: boolean };

/** Who did what to the item, shown under the alert after a button press or a CLI action. */
export interface ActionStatus {
  action: 'ack' | 'done' | 'dismiss';
  actor: string;
  at: number;
}

export const ACTION_PREFIX = 'pw';
export const ACTIONS = ['ack', 'done', 'dismiss'] as const;
export type ItemAction = (typeof ACTIONS)[number];
const BUTTON_LABEL: Record<ItemAction, string> = { ack: 'Acknowledge', done: 'Responded', dismiss: 'Not an issue' };
const STATUS_WORDS: Record<ItemAction, string> = { ack: 'Acknowledged', done: 'Marked responded', dismiss: 'Dismissed as not an issue' };

/** `pw:ack:42` → { action: 'ack', itemId: 42 }, or null for anything that is not one of ours. */
export function parseActionId(actionId: string): { action: ItemAction; itemId: number } | null {
  const m = /^pw:(ack|done|dismiss):(\d{1,15})$/.exec(String(actionId));
  if (!m) return null;
  return { action: m[1] as ItemAction, itemId: Number(m[2]) };
}

const SEVERITY_ICON: Record<Severity, string> = { critical: ':rotating_light:', high: ':red_circle:', medium: ':large_orange_circle:', low: ':white_circle:' };

const esc = (s: unknown) => escapeSlackMrkdwn(String(s ?? ''));
const plain = (s: string, max = 150) => {
  const t = stripControl(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
};
/** Section text is capped by Slack at 3000 characters. */
const cap = (s: string, max = 2900) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
const mrkdwn = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: cap(text) } });

function stars(rating: number | null): string | null {
  if (rating === null || rating === undefined || !Number.isFinite(rating)) return null;
  const r = Math.max(0, Math.min(5, Math.round(rating)));
  return `${'★'.repeat(r)}${'☆'.repeat(5 - r)} (${Number(rating)}/5)`;
}

function postedWords(postedAt: string | null): string | null {
  if (!postedAt) return null;
  const d = new Date(postedAt);
  if (Number.isNaN(d.getTime())) return esc(postedAt);
  // Slack renders <!date^…> in the reader's time zone; the fallback is the ISO date (no user text involved).
  const secs = Math.floor(d.getTime() / 1000);
  return `<!date^${secs}^{date_short_pretty} {time}|${d.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/** A preformatted block the responder can copy. Backticks are swapped so the block cannot be closed early. */
function codeBlock(s: string): string {
  return '```' + escapeSlackMrkdwn(s, { formatting: false }).replace(/`/g, '\u02cb') + '```';
}

function quote(s: string): string {
  return esc(s)
    .split('\n')
    .map((l) => `>${l}`)
    .join('\n');
}

export function statusLine(st: ActionStatus): string {
  const who = /^[UW][A-Z0-9]{2,}$/.test(st.actor) ? `<@${st.actor}>` : esc(st.actor);
  const when = `<!date^${Math.floor(st.at / 1000)}^{date_short_pretty} {time}|${new Date(st.at).toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
  const icon = st.action === 'dismiss' ? ':no_entry_sign:' : ':white_check_mark:';
  return `${icon} ${STATUS_WORDS[st.action]} by ${who} · ${when}`;
}

export function alertHeadline(p: AlertLike): string {
  const cats = p.categories.length ? p.categories.join(', ') : 'flagged';
  if (p.cleared) return 'Edited: no longer flagged';
  const prefix = p.reminder ? 'Reminder: ' : p.deleted ? 'Removed: ' : p.edited ? 'Edited: ' : '';
  return `${prefix}${String(p.severity).toUpperCase()} · ${cats}`;
}

/** The alert message. `status` (after an action) replaces the buttons with who did what. */
export function renderAlert(p: AlertLike, opts: { status?: ActionStatus | null } = {}): SlackMessage {
  const blocks: Block[] = [];
  blocks.push({ type: 'header', text: { type: 'plain_text', text: plain(`${SEVERITY_ICON[p.severity] ?? ''} ${alertHeadline(p)}`), emoji: true } });

  const facts: string[] = [`*Source:* ${slackLink(p.url, p.sourceName || p.sourceId)}`];
  const posted = postedWords(p.postedAt);
  if (posted) facts.push(`*Posted:* ${posted}`);
  const st = stars(p.rating);
  if (st) facts.push(`*Rating:* ${st}`);
  blocks.push(mrkdwn(facts.join('\n')));
  if (p.deleted) blocks.push(mrkdwn(':wastebasket: The post is no longer listed by the source.'));
  else if (p.edited) blocks.push(mrkdwn(':pencil2: The post was edited; this is the new version.'));

  if (p.reasons.length) {
    blocks.push(mrkdwn(`*Why it was flagged*\n${p.reasons.map((r) => `• ${esc(r.reason)} (${esc(r.severity)})`).join('\n')}`));
  }
  blocks.push(mrkdwn(`*What to do*\n${esc(p.action.text)}`));
  blocks.push(
    mrkdwn(
      p.draftReply
        ? `*Draft public reply* (safe: it does not confirm anyone is a patient)\n${codeBlock(p.draftReply)}`
        : '*Draft public reply*\nDo not reply publicly to this one.',
    ),
  );
  if (p.excerpt) blocks.push(mrkdwn(`*Excerpt* (identifiers and health details masked)\n${quote(p.excerpt)}`));

  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Item #${Number(p.itemId)} · version ${Number(p.versionId)} · ${esc(p.sourceId)}` }],
  });
  if (opts.status) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: statusLine(opts.status) }] });
  } else {
    blocks.push({
      type: 'actions',
      block_id: `pw_actions:${Number(p.itemId)}`,
      elements: ACTIONS.map((a) => ({
        type: 'button',
        action_id: `${ACTION_PREFIX}:${a}:${Number(p.itemId)}`,
        value: String(Number(p.itemId)),
        text: { type: 'plain_text', text: BUTTON_LABEL[a] },
        ...(a === 'ack' ? { style: 'primary' } : {}),
      })),
    });
  }
  // The notification preview: no excerpt, only what was flagged and where (escaped: the source name is config text).
  const text = `${alertHeadline(p)} — ${esc(plain(p.sourceName || p.sourceId, 80))} (item #${Number(p.itemId)})`;
  return { text, blocks };
}

/** Thread reply under the original alert when the post changed. */
export function renderEditedNotice(p: AlertLike): SlackMessage {
  const words = p.deleted
    ? ':wastebasket: The post was removed from the source. The alert above is kept for the record.'
    : p.cleared
      ? ':white_check_mark: The post was edited and no longer raises any concern. The alert above shows the new version.'
      : ':pencil2: The post was edited. The alert above now shows the new version and its findings.';
  return { text: words, blocks: [mrkdwn(words)] };
}

/** Thread reply (broadcast) when a critical alert has not been acknowledged. */
export function renderReminder(p: AlertLike, minutes: number | null): SlackMessage {
  const age = minutes !== null && Number.isFinite(minutes) ? ` for ${Math.round(minutes)} minutes` : '';
  const text = `:alarm_clock: Reminder: this ${String(p.severity).toUpperCase()} alert (item #${Number(p.itemId)}, ${esc(plain(p.sourceName || p.sourceId, 80))}) has not been acknowledged${age}.`;
  return { text, blocks: [mrkdwn(`${text}\n*What to do:* ${esc(p.action.text)}`)] };
}

export function renderSourceHealth(p: SourceHealthPayload): SlackMessage {
  const name = esc(plain(p.sourceName || p.sourceId, 120));
  let text: string;
  if (p.type === 'source_broken') {
    text = `:warning: ${name} is not responding${p.error ? `: ${esc(plain(p.error, 300))}` : ''}`;
  } else {
    text = `:white_check_mark: ${name} is working again`;
  }
  const ctx: string[] = [];
  if (p.type === 'source_broken' && p.consecutiveFailures) ctx.push(`${Number(p.consecutiveFailures)} failed polls in a row`);
  if (p.since) ctx.push(`since ${new Date(p.since).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  const blocks: Block[] = [mrkdwn(text)];
  if (ctx.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${esc(p.sourceId)} · ${ctx.join(' · ')}` }] });
  return { text, blocks };
}
