// Enqueue one outbox row. Idempotent: a second call with the same key is a no-op (UNIQUE key, INSERT OR IGNORE).
// Call it inside the same transaction as the findings it reports.
import type { Db } from '../store/db.ts';
import type { OutboxChannel, OutboxKind } from '../core/alert.ts';

export interface EnqueueInput {
  key: string;
  channel: OutboxChannel;
  kind: OutboxKind;
  itemId?: number | null;
  versionId?: number | null;
  /** Already masked. */
  payload: unknown;
  now: number;
  /** Earliest delivery time; defaults to now. */
  notBefore?: number;
}

/** Returns true when a new row was written. */
export function enqueue(db: Db, input: EnqueueInput): boolean {
  const r = db
    .prepare(
      `INSERT OR IGNORE INTO outbox (idempotency_key, channel, kind, item_id, version_id, payload_json, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.key,
      input.channel,
      input.kind,
      input.itemId ?? null,
      input.versionId ?? null,
      JSON.stringify(input.payload),
      input.notBefore ?? input.now,
      input.now,
    );
  return r.changes > 0;
}
