// Items and their versions. An item is unique per (source_id, external_id); each distinct content (sha256 of
// normalised title + text + rating + facts) is one version. A re-poll of unchanged content writes nothing at
// all, so a poll of 200 unchanged items costs 200 indexed reads and no writes.
import { createHash } from 'node:crypto';
import type { Db } from './db.ts';
import type { ListingFacts, RawItem } from '../core/types.ts';

export interface NewVersion {
  itemId: number;
  versionId: number;
  /** The item existed before with other content. */
  isEdit: boolean;
  item: RawItem;
}

/** Whitespace collapsed, NFKC, lower case: cosmetic changes are not edits. */
export function normaliseText(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** sha256 of the normalised text alone: the key of `dismissed_texts`. */
export function normalisedTextHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex');
}

export function contentHash(item: Pick<RawItem, 'title' | 'text' | 'rating' | 'facts'>): string {
  const parts = [
    normaliseText(item.title),
    normaliseText(item.text),
    item.rating === null || item.rating === undefined ? '' : String(item.rating),
    item.facts ? stableJson(normaliseFacts(item.facts)) : '',
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

function normaliseFacts(f: ListingFacts): unknown {
  const norm = (v: unknown): unknown =>
    typeof v === 'string' ? normaliseText(v) : Array.isArray(v) ? v.map(norm) : v;
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined).map(([k, v]) => [k, norm(v)]));
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

interface ItemRow {
  id: number;
  current_version_id: number | null;
  current_hash: string | null;
}

/**
 * Stores one item. Returns the new version to analyse, or null when the content is unchanged (nothing written)
 * or went back to an earlier version's content (the item points at that version again; no new analysis).
 * Call inside a transaction when the analysis must commit together with the version.
 */
export function recordItem(db: Db, sourceId: string, item: RawItem, now: number): NewVersion | null {
  const hash = contentHash(item);
  const existing = db
    .prepare(
      `SELECT i.id, i.current_version_id, v.content_hash AS current_hash
         FROM items i LEFT JOIN item_versions v ON v.id = i.current_version_id
        WHERE i.source_id = ? AND i.external_id = ?`,
    )
    .get(sourceId, item.externalId) as ItemRow | undefined;

  if (existing && existing.current_hash === hash) return null;

  let itemId: number;
  if (existing) {
    itemId = existing.id;
    const earlier = db.prepare('SELECT id FROM item_versions WHERE item_id = ? AND content_hash = ?').get(itemId, hash) as
      | { id: number }
      | undefined;
    if (earlier) {
      db.prepare('UPDATE items SET current_version_id = ?, last_seen_at = ?, url = COALESCE(?, url) WHERE id = ?').run(
        earlier.id,
        now,
        item.url,
        itemId,
      );
      return null;
    }
  } else {
    itemId = Number(
      db
        .prepare('INSERT INTO items (source_id, external_id, kind, url, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(sourceId, item.externalId, item.kind, item.url, now, now).lastInsertRowid,
    );
  }

  const versionId = Number(
    db
      .prepare(
        `INSERT INTO item_versions (item_id, content_hash, author, title, text, rating, published_at, facts_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        itemId,
        hash,
        item.author,
        item.title,
        item.text,
        item.rating,
        item.publishedAt,
        item.facts ? JSON.stringify(item.facts) : null,
        now,
      ).lastInsertRowid,
  );
  db.prepare('UPDATE items SET current_version_id = ?, last_seen_at = ?, url = COALESCE(?, url) WHERE id = ?').run(
    versionId,
    now,
    item.url,
    itemId,
  );
  return { itemId, versionId, isEdit: existing !== undefined, item };
}

/** Stores a poll's items, one transaction per item. Returns the versions to analyse. */
export function recordPoll(db: Db, sourceId: string, items: readonly RawItem[], now: number): NewVersion[] {
  const one = db.transaction((item: RawItem) => recordItem(db, sourceId, item, now));
  const out: NewVersion[] = [];
  for (const item of dedupeByExternalId(items)) {
    const v = one(item);
    if (v) out.push(v);
  }
  return out;
}

/** A source listing the same externalId twice in one poll: keep the first (the newest, as feeds list them). */
export function dedupeByExternalId(items: readonly RawItem[]): RawItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.externalId) ? false : (seen.add(i.externalId), true)));
}
