// Reminders: a critical alert delivered to Slack and still not acknowledged after `alerts.critical_reminder_after`
// gets ONE reminder: a Slack thread reply on the original alert and one e-mail to the responder. "Once" holds across
// restarts because the reminder rows have fixed idempotency keys (`reminder:<itemId>:1:slack` / `:email`) and the
// outbox key is UNIQUE.
import type { Db } from '../store/db.ts';
import type { Logger } from '../log.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { AlertPayload } from '../core/alert.ts';

export interface ReminderOptions {
  db: Db;
  log: Logger;
  /** alerts.critical_reminder_after, in ms. */
  afterMs: number;
  now?: () => number;
  /** Also enqueue the e-mail row (when e-mail is enabled). Default true. */
  email?: boolean;
}

export const reminderKey = (itemId: number, channel: 'slack' | 'email', n = 1) => `reminder:${itemId}:${n}:${channel}`;

/** One check: enqueues the reminders that are due; returns how many items were reminded. */
export function checkReminders(opts: ReminderOptions): number {
  const { db } = opts;
  const now = (opts.now ?? Date.now)();
  const email = opts.email ?? true;
  const due = db
    .prepare(
      `SELECT o.item_id AS itemId, o.payload_json AS payload
       FROM outbox o JOIN items i ON i.id = o.item_id
       WHERE o.channel = 'slack' AND o.kind = 'alert' AND o.status = 'sent'
         AND json_extract(o.payload_json, '$.severity') = 'critical'
         AND o.sent_at IS NOT NULL AND o.sent_at <= ?
         AND i.status = 'new'
         AND NOT EXISTS (SELECT 1 FROM outbox r WHERE r.idempotency_key = 'reminder:' || o.item_id || ':1:slack')
       GROUP BY o.item_id`,
    )
    .all(now - opts.afterMs) as { itemId: number; payload: string }[];
  let n = 0;
  for (const d of due) {
    const alert = JSON.parse(d.payload) as AlertPayload;
    const payload = { ...alert, reminder: true };
    const wrote = db.transaction(() => {
      const a = enqueue(db, { key: reminderKey(d.itemId, 'slack'), channel: 'slack', kind: 'reminder', itemId: d.itemId, versionId: alert.versionId, payload, now });
      if (email) enqueue(db, { key: reminderKey(d.itemId, 'email'), channel: 'email', kind: 'reminder', itemId: d.itemId, versionId: alert.versionId, payload, now });
      return a;
    })();
    if (wrote) {
      n++;
      opts.log.info({ itemId: d.itemId }, 'critical alert not acknowledged: reminder enqueued');
    }
  }
  return n;
}

/** The periodic check as a daemon service. */
export function createReminderService(opts: ReminderOptions & { intervalMs?: number }): { name: string; start(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  return {
    name: 'reminders',
    start() {
      if (timer) return;
      const tick = () => {
        try {
          checkReminders(opts);
        } catch (err) {
          opts.log.error({ err: err instanceof Error ? err.name : 'error' }, 'reminder check failed');
        }
      };
      tick();
      timer = setInterval(tick, opts.intervalMs ?? 60_000);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
