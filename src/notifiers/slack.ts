// The Slack notifier: renders one outbox row as Block Kit and delivers it ONCE through the Web API, or throws
// NotifierError. SDK retries are off (the outbox is the one retry layer): @slack/web-api 8.2 is built with
// `retryConfig: { retries: 0 }` (p-retry runs the call once) and `rejectRateLimitedCalls: true` (a 429 with
// Retry-After rejects at once with WebAPIRateLimitedError instead of sleeping and retrying inside the SDK).
//
// Every message carries metadata { event_type: 'practicewatch_alert', event_payload: { key } } so that, after a
// crash mid-delivery, findDelivered() can look the message up by idempotency key instead of posting it twice.
import { WebClient, WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import type { AlertPayload, OutboxRow, SourceHealthPayload } from '../core/alert.ts';
import { NotifierError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import type { Logger } from '../log.ts';
import type { RecoverableNotifier } from '../outbox/dispatcher.ts';
import {
  renderAlert,
  renderEditedNotice,
  renderReminder,
  renderSourceHealth,
  type ActionStatus,
  type AlertLike,
  type SlackMessage,
} from './slack-blocks.ts';

export const METADATA_EVENT_TYPE = 'practicewatch_alert';

export interface SlackNotifierOptions {
  /** Bot token (xoxb-…); undefined → every delivery is a config problem (kept pending). */
  token: string | undefined;
  /** Web API base, e.g. https://slack.com/api/ (tests: the local stand-in). */
  apiUrl: string;
  /** Responder's user id (U…/W…: a DM is opened) or a private channel id (C…/G…). */
  channel: string | undefined;
  db: Db;
  log: Logger;
  timeoutMs: number;
  /** Used for "not acknowledged for N minutes" in reminders. Default Date.now. */
  now?: () => number;
}

export interface SlackNotifier extends RecoverableNotifier {
  readonly channel: 'slack';
  /** Re-renders the item's alert message with who did what (after a button press or a CLI action). */
  updateItemStatus(itemId: number, status: ActionStatus): Promise<boolean>;
  /** The underlying client (Socket Mode shares it). */
  readonly client: WebClient;
}

const CONFIG_CODES = new Set([
  'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission',
  'channel_not_found', 'not_in_channel', 'missing_scope', 'is_archived', 'user_not_found', 'cannot_dm_bot',
  'user_disabled', 'team_access_not_granted', 'org_login_required', 'ekm_access_denied', 'restricted_action',
]);
const RETRYABLE_CODES = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Maps any Web API failure to a PHI-free NotifierError. Messages carry the method and Slack's error code only. */
export function mapSlackError(err: unknown, method: string): NotifierError {
  if (err instanceof NotifierError) return err;
  if (err instanceof WebAPIRateLimitedError) {
    return new NotifierError(`slack ${method}: rate limited`, true, Math.max(0, Number(err.retryAfter) || 1) * 1000);
  }
  if (err instanceof WebAPIPlatformError) {
    const code = String(err.data?.error ?? 'unknown_error').replace(/[^a-z0-9_.-]/gi, '').slice(0, 60);
    if (CONFIG_CODES.has(code)) return new NotifierError(`slack ${method}: ${code}`, false, undefined, true);
    return new NotifierError(`slack ${method}: ${code}`, RETRYABLE_CODES.has(code));
  }
  if (err instanceof WebAPIHTTPError) {
    const s = Number(err.statusCode);
    return new NotifierError(`slack ${method}: HTTP ${s}`, s >= 500 || s === 408 || s === 425);
  }
  if (err instanceof WebAPIRequestError) {
    const name = err.original?.name === 'TimeoutError' || err.original?.name === 'AbortError' ? 'timeout' : 'request failed';
    return new NotifierError(`slack ${method}: ${name}`, true);
  }
  // e.g. a 200 answer whose body is not JSON (an HTML error page): try again later.
  return new NotifierError(`slack ${method}: unexpected response`, true);
}

/** `C123:1700000000.000100` ↔ { channel, ts }. */
export function parseRef(ref: string | null | undefined): { channel: string; ts: string } | null {
  const m = /^([A-Z0-9]+):(\d+\.\d+)$/.exec(String(ref ?? ''));
  return m ? { channel: m[1]!, ts: m[2]! } : null;
}
const ref = (channel: string, ts: string) => `${channel}:${ts}`;

type ApiMessage = { ts?: string; thread_ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } };

const silentSdkLogger = {
  debug() {}, info() {}, warn() {}, error() {},
  setLevel() {}, getLevel: () => 'error' as never, setName() {},
};

export function createSlackNotifier(opts: SlackNotifierOptions): SlackNotifier {
  const { db, log } = opts;
  const now = opts.now ?? Date.now;
  const client = new WebClient(opts.token ?? '', {
    slackApiUrl: opts.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: opts.timeoutMs,
    // The SDK's own logger could print request details; ours logs codes and ids instead.
    logger: silentSdkLogger as never,
    allowAbsoluteUrls: false,
  });
  let dmChannel: string | null = null;

  async function call<T = Record<string, unknown>>(method: string, args: Record<string, unknown>): Promise<T> {
    if (!opts.token) throw new NotifierError('slack: no bot token configured (slack.token_env)', false, undefined, true);
    try {
      return (await client.apiCall(method, args)) as T;
    } catch (err) {
      throw mapSlackError(err, method);
    }
  }

  async function target(): Promise<string> {
    const ch = opts.channel;
    if (!ch) throw new NotifierError('slack: no responder channel or user id configured', false, undefined, true);
    if (/^[CG]/.test(ch)) return ch;
    if (dmChannel) return dmChannel;
    const r = await call<{ channel?: { id?: string } }>('conversations.open', { users: ch });
    const id = r.channel?.id;
    if (!id) throw new NotifierError('slack conversations.open: no channel id in the answer', true);
    dmChannel = id;
    return id;
  }

  const metadata = (key: string) => ({ event_type: METADATA_EVENT_TYPE, event_payload: { key } });

  async function post(channel: string, msg: SlackMessage, key: string, threadTs?: string, broadcast = false): Promise<string> {
    const r = await call<{ ts?: string; channel?: string }>('chat.postMessage', {
      channel,
      text: msg.text,
      blocks: msg.blocks,
      metadata: metadata(key),
      unfurl_links: false,
      unfurl_media: false,
      ...(threadTs ? { thread_ts: threadTs, reply_broadcast: broadcast } : {}),
    });
    if (!r.ts) throw new NotifierError('slack chat.postMessage: no ts in the answer', true);
    return ref(r.channel ?? channel, r.ts);
  }

  /** The first delivered Slack alert of an item, with its payload: the message buttons and updates refer to. */
  function originalAlert(itemId: number): { ref: { channel: string; ts: string }; payload: AlertLike } | null {
    const rows = db
      .prepare(
        `SELECT external_ref, payload_json FROM outbox WHERE item_id = ? AND channel = 'slack' AND kind = 'alert' AND status = 'sent'
         ORDER BY id`,
      )
      .all(itemId) as { external_ref: string | null; payload_json: string }[];
    for (const r of rows) {
      const parsed = parseRef(r.external_ref);
      if (parsed) return { ref: parsed, payload: JSON.parse(r.payload_json) as AlertLike };
    }
    return null;
  }

  /** The latest alert payload of an item delivered to Slack (the version the message shows now). */
  function latestPayload(itemId: number): AlertLike | null {
    const r = db
      .prepare(
        `SELECT payload_json FROM outbox WHERE item_id = ? AND channel = 'slack' AND kind IN ('alert', 'alert_update') AND status = 'sent'
         ORDER BY id DESC LIMIT 1`,
      )
      .get(itemId) as { payload_json: string } | undefined;
    return r ? (JSON.parse(r.payload_json) as AlertLike) : null;
  }

  /** The last action on an item that is no longer new: an edit must not bring the buttons back. */
  function currentStatus(itemId: number): ActionStatus | null {
    const r = db
      .prepare(
        `SELECT a.action, a.actor, a.at FROM item_actions a JOIN items i ON i.id = a.item_id
         WHERE a.item_id = ? AND i.status != 'new' AND a.action IN ('ack', 'done', 'dismiss') ORDER BY a.id DESC LIMIT 1`,
      )
      .get(itemId) as ActionStatus | undefined;
    return r ?? null;
  }

  function parsePayload(row: OutboxRow): unknown {
    try {
      return JSON.parse(row.payload_json);
    } catch {
      throw new NotifierError(`outbox row ${row.id}: payload is not JSON`, false);
    }
  }

  async function deliver(row: OutboxRow): Promise<{ externalRef?: string }> {
    const payload = parsePayload(row);
    const key = row.idempotency_key;
    switch (row.kind) {
      case 'alert': {
        const channel = await target();
        return { externalRef: await post(channel, renderAlert(payload as AlertLike), key) };
      }
      case 'alert_update': {
        const p = payload as AlertLike;
        const orig = originalAlert(p.itemId ?? row.item_id);
        if (!orig) {
          // The first alert was never delivered (dead, or another channel): this version alerts on its own.
          return { externalRef: await post(await target(), renderAlert(p), key) };
        }
        try {
          const msg = renderAlert(p, { status: currentStatus(p.itemId ?? row.item_id) });
          await call('chat.update', { channel: orig.ref.channel, ts: orig.ref.ts, text: msg.text, blocks: msg.blocks });
        } catch (err) {
          // The original message is gone (deleted in Slack): keep going with the thread notice only.
          if (!(err instanceof NotifierError && /message_not_found|cant_update_message|edit_window_closed/.test(err.message))) throw err;
          log.warn({ outboxId: row.id, itemId: p.itemId, err: err.message }, 'slack: original alert could not be updated');
        }
        return { externalRef: await post(orig.ref.channel, renderEditedNotice(p), key, orig.ref.ts) };
      }
      case 'reminder': {
        const p = payload as AlertLike;
        const orig = originalAlert(p.itemId ?? row.item_id);
        const minutes = orig ? (now() - Number(orig.ref.ts) * 1000) / 60_000 : null;
        const msg = renderReminder(p, minutes);
        if (!orig) return { externalRef: await post(await target(), msg, key) };
        return { externalRef: await post(orig.ref.channel, msg, key, orig.ref.ts, true) };
      }
      case 'source_broken':
      case 'source_recovered': {
        return { externalRef: await post(await target(), renderSourceHealth(payload as SourceHealthPayload), key) };
      }
      default:
        throw new NotifierError(`slack: cannot deliver outbox kind ${String(row.kind).slice(0, 30)}`, false);
    }
  }

  const hasKey = (m: ApiMessage, key: string) =>
    m.metadata?.event_type === METADATA_EVENT_TYPE && m.metadata.event_payload?.key === key;

  let warnedNoHistory = false;
  /** Without a *:history scope the lookup cannot be done: re-post (at-least-once) rather than hold the alert. */
  async function findDelivered(row: OutboxRow): Promise<{ externalRef?: string } | null> {
    try {
      return await lookup(row);
    } catch (err) {
      if (err instanceof NotifierError && /: (missing_scope|not_allowed_token_type)$/.test(err.message)) {
        if (!warnedNoHistory) {
          warnedNoHistory = true;
          log.warn({ outboxId: row.id, err: err.message }, 'slack: cannot read history (add im:history / groups:history); an interrupted alert may be posted twice');
        }
        return null;
      }
      throw err;
    }
  }

  async function lookup(row: OutboxRow): Promise<{ externalRef?: string } | null> {
    const key = row.idempotency_key;
    // Nothing with this key can predate the row; 10 minutes of slack for clock skew between us and Slack.
    const oldest = String(Math.max(0, Math.floor(row.created_at / 1000) - 600));
    let threadOf: { channel: string; ts: string } | null = null;
    if (row.kind === 'alert_update' || row.kind === 'reminder') {
      const p = parsePayload(row) as AlertPayload;
      threadOf = originalAlert(p.itemId ?? row.item_id)?.ref ?? null;
    }
    if (threadOf) {
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const r = await call<{ messages?: ApiMessage[]; response_metadata?: { next_cursor?: string } }>('conversations.replies', {
          channel: threadOf.channel, ts: threadOf.ts, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}),
        });
        const hit = (r.messages ?? []).find((m) => hasKey(m, key));
        if (hit?.ts) return { externalRef: ref(threadOf.channel, hit.ts) };
        cursor = r.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      // Falls through: the reply may have been posted top-level (no original at the time).
    }
    const channel = await target();
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await call<{ messages?: ApiMessage[]; response_metadata?: { next_cursor?: string } }>('conversations.history', {
        channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}),
      });
      const hit = (r.messages ?? []).find((m) => hasKey(m, key));
      if (hit?.ts) return { externalRef: ref(channel, hit.ts) };
      cursor = r.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return null;
  }

  async function updateItemStatus(itemId: number, status: ActionStatus): Promise<boolean> {
    const orig = originalAlert(itemId);
    if (!orig) return false;
    const p = latestPayload(itemId) ?? orig.payload;
    const msg = renderAlert(p, { status });
    await call('chat.update', { channel: orig.ref.channel, ts: orig.ref.ts, text: msg.text, blocks: msg.blocks });
    return true;
  }

  return {
    channel: 'slack',
    client,
    deliver: (row) =>
      deliver(row).catch((err: unknown) => {
        // Web API failures are NotifierErrors already; anything else is a payload we cannot render: final.
        if (err instanceof NotifierError) throw err;
        throw new NotifierError(`slack: cannot render outbox row ${row.id} (${err instanceof Error ? err.name : 'error'})`, false);
      }),
    findDelivered: (row) => findDelivered(row),
    updateItemStatus,
  };
}
