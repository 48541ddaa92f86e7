// Slack buttons over Socket Mode (no public HTTP endpoint needed): the app-level token (xapp-…, scope
// connections:write) opens a WebSocket; each button press arrives as an `interactive` envelope with a
// `block_actions` payload. We ack the envelope at once (Slack wants it within 3 s), record the action with the
// Slack user id, and re-render the alert message to show who did what.
import { SocketModeClient } from '@slack/socket-mode';
import type { Db } from '../store/db.ts';
import type { Logger } from '../log.ts';
import { recordAction, UnknownItemError, type ActionResult } from '../responder/actions.ts';
import { parseActionId } from './slack-blocks.ts';
import type { ActionStatus } from './slack-blocks.ts';

export interface BlockActionsDeps {
  db: Db;
  log: Logger;
  now: () => number;
  /** Re-renders the alert message (the Slack notifier's updateItemStatus). Optional: recording never depends on it. */
  updateItemStatus?: (itemId: number, status: ActionStatus) => Promise<boolean>;
}

/** The part of a `block_actions` payload we read. Everything else is ignored. */
interface BlockActionsPayload {
  type?: string;
  user?: { id?: string };
  actions?: { action_id?: string; value?: string; type?: string }[];
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Handles one interactive payload. Returns the actions recorded (ours only; unknown action ids, other payload types,
 * unknown items and malformed user ids are ignored and logged by code). Never throws for bad input.
 */
export async function handleBlockActions(deps: BlockActionsDeps, body: unknown): Promise<ActionResult[]> {
  const p = (body ?? {}) as BlockActionsPayload;
  if (p.type !== 'block_actions' || !Array.isArray(p.actions)) return [];
  const actor = String(p.user?.id ?? '');
  if (!USER_ID.test(actor)) {
    deps.log.warn({ code: 'bad_user' }, 'slack: button press without a valid user id ignored');
    return [];
  }
  const done: ActionResult[] = [];
  for (const a of p.actions) {
    const parsed = parseActionId(String(a.action_id ?? ''));
    if (!parsed) continue;
    if (a.value !== undefined && String(a.value) !== String(parsed.itemId)) {
      deps.log.warn({ code: 'value_mismatch' }, 'slack: button value does not match its action id; ignored');
      continue;
    }
    let r: ActionResult;
    try {
      r = recordAction(deps.db, parsed.itemId, parsed.action, actor, 'slack', deps.now());
    } catch (err) {
      if (err instanceof UnknownItemError) {
        deps.log.warn({ itemId: parsed.itemId, code: err.code }, 'slack: button for an unknown item ignored');
        continue;
      }
      throw err;
    }
    done.push(r);
    deps.log.info({ itemId: r.itemId, action: r.action, via: 'slack', actor }, 'item action recorded');
    if (deps.updateItemStatus) {
      try {
        await deps.updateItemStatus(r.itemId, { action: r.action, actor, at: r.at });
      } catch (err) {
        // The action is recorded; only the message refresh failed (it is cosmetic). Codes only in the log.
        deps.log.warn({ itemId: r.itemId, err: err instanceof Error ? err.message.slice(0, 120) : 'error' }, 'slack: could not update the alert message');
      }
    }
  }
  return done;
}

export interface SlackSocketOptions extends BlockActionsDeps {
  appToken: string;
  /** Web API base (apps.connections.open goes there). */
  apiUrl: string;
}

const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

/** A daemon service: `{ name, start, stop }`. */
export function createSlackSocketService(opts: SlackSocketOptions): { name: string; start(): Promise<void>; stop(): Promise<void> } {
  let client: SocketModeClient | null = null;
  return {
    name: 'slack-socket-mode',
    async start() {
      client = new SocketModeClient({
        appToken: opts.appToken,
        // The SDK's logger may print payloads at debug level: ours logs codes and ids only.
        logger: silent as never,
        clientOptions: { slackApiUrl: opts.apiUrl },
      });
      client.on('interactive', async ({ ack, body }: { ack: () => Promise<void>; body: unknown }) => {
        try {
          await ack();
        } catch {
          opts.log.warn({ code: 'ack_failed' }, 'slack: could not acknowledge an interactive envelope');
        }
        try {
          await handleBlockActions(opts, body);
        } catch (err) {
          opts.log.error({ err: err instanceof Error ? err.name : 'error' }, 'slack: handling a button press failed');
        }
      });
      client.on('connected', () => opts.log.info('slack socket mode connected'));
      client.on('disconnected', () => opts.log.info('slack socket mode disconnected'));
      client.on('error', (err: unknown) => opts.log.warn({ err: err instanceof Error ? err.name : 'error' }, 'slack socket mode error'));
      await client.start();
    },
    async stop() {
      const c = client;
      client = null;
      if (c) await c.disconnect().catch(() => undefined);
    },
  };
}
