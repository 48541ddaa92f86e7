// Raw-text retention: after `storage.raw_text_retention`, a version's text, title and author are erased.
// The masked excerpt, entities, findings and content hash stay (so dedupe and the digest keep working).
import type { Db } from './db.ts';

/** Erases raw text of versions created before `now - retentionMs`. Returns how many versions were erased. */
export function eraseExpiredRawText(db: Db, retentionMs: number, now: number): number {
  const cutoff = now - retentionMs;
  const r = db
    .prepare(
      `UPDATE item_versions SET text = NULL, title = NULL, author = NULL, text_erased_at = ?
        WHERE created_at < ? AND text_erased_at IS NULL`,
    )
    .run(now, cutoff);
  return r.changes;
}

export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;
