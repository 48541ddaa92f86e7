// What the responder did about an alerted item: Acknowledge / Responded / Not an issue, from a Slack button or the
// CLI. Each action is one `item_actions` row (who, how, when) and moves `items.status`. "Not an issue" also stores
// the normalised text hash of the item's current version in `dismissed_texts`, so the pipeline does not alert on
// the same text again (it looks the hash up with the same function).
import type { Db } from '../store/db.ts';
import { normalisedTextHash } from '../store/items.ts';

/**
 * The key of `dismissed_texts`: sha256 (hex) of the text NFKC-normalised, whitespace collapsed, trimmed, lower-cased.
 * The same function as `normalisedTextHash` in src/store/items.ts (which the pipeline uses): one definition.
 */
export const normalizedTextHash: (text: string) => string = normalisedTextHash;

export type ItemActionName = 'ack' | 'done' | 'dismiss';
export const ITEM_ACTIONS: readonly ItemActionName[] = ['ack', 'done', 'dismiss'];
export type ActionVia = 'slack' | 'cli';

export const STATUS_AFTER: Record<ItemActionName, 'acknowledged' | 'responded' | 'dismissed'> = {
  ack: 'acknowledged',
  done: 'responded',
  dismiss: 'dismissed',
};

export class UnknownItemError extends Error {
  readonly code = 'PW_UNKNOWN_ITEM' as const;
  constructor(readonly itemId: number) {
    super(`no item #${itemId}`);
    this.name = 'UnknownItemError';
  }
}

export interface ActionResult {
  itemId: number;
  action: ItemActionName;
  actor: string;
  via: ActionVia;
  at: number;
  previousStatus: string;
  status: string;
  /** dismiss only: whether the text hash was stored (false when the raw text was already erased by retention). */
  textDismissed?: boolean;
}

/**
 * Records one action in one transaction. `ack` after `done` or `dismiss` keeps the later status (an acknowledgement
 * never reopens a handled item); every action is still recorded for the digest's response times.
 */
export function recordAction(db: Db, itemId: number, action: ItemActionName, actor: string, via: ActionVia, now: number): ActionResult {
  if (!ITEM_ACTIONS.includes(action)) throw new Error(`unknown action "${String(action)}"`);
  if (!Number.isSafeInteger(itemId) || itemId <= 0) throw new UnknownItemError(itemId);
  return db.transaction((): ActionResult => {
    const item = db.prepare('SELECT id, status, current_version_id FROM items WHERE id = ?').get(itemId) as
      | { id: number; status: string; current_version_id: number | null }
      | undefined;
    if (!item) throw new UnknownItemError(itemId);
    db.prepare('INSERT INTO item_actions (item_id, action, actor, via, at) VALUES (?, ?, ?, ?, ?)').run(itemId, action, actor, via, now);
    let status: string = STATUS_AFTER[action];
    if (action === 'ack' && (item.status === 'responded' || item.status === 'dismissed')) status = item.status;
    db.prepare('UPDATE items SET status = ? WHERE id = ?').run(status, itemId);
    const result: ActionResult = { itemId, action, actor, via, at: now, previousStatus: item.status, status };
    if (action === 'dismiss') {
      const v = item.current_version_id
        ? (db.prepare('SELECT text FROM item_versions WHERE id = ?').get(item.current_version_id) as { text: string | null } | undefined)
        : undefined;
      if (v?.text) {
        db.prepare('INSERT OR IGNORE INTO dismissed_texts (text_hash, item_id, at) VALUES (?, ?, ?)').run(normalizedTextHash(v.text), itemId, now);
        result.textDismissed = true;
      } else {
        result.textDismissed = false;
      }
    }
    return result;
  })();
}
