// Conditional-GET validators (ETag / Last-Modified) per URL, persisted in table http_validators.
import type { Db } from './db.ts';
import type { ValidatorStore } from '../http/types.ts';

export function createSqliteValidatorStore(db: Db, now: () => number = Date.now): ValidatorStore {
  const select = db.prepare('SELECT etag, last_modified FROM http_validators WHERE url = ?');
  const upsert = db.prepare(
    `INSERT INTO http_validators (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM http_validators WHERE url = ?');
  return {
    get(url) {
      const r = select.get(url) as { etag: string | null; last_modified: string | null } | undefined;
      if (!r) return undefined;
      return { ...(r.etag ? { etag: r.etag } : {}), ...(r.last_modified ? { lastModified: r.last_modified } : {}) };
    },
    set(url, v) {
      if (!v.etag && !v.lastModified) remove.run(url);
      else upsert.run(url, v.etag ?? null, v.lastModified ?? null, now());
    },
  };
}
