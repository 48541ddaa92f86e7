// What the weekly digest says, read from the store. Only masked fields are read: `excerpt_masked`, never `text`,
// `author` or `title`. Everything a third party wrote (excerpts, source names from payloads, errors) is returned
// as-is and escaped by the renderer.
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import { shiftWeek, weekRange, type IsoWeek, type WeekRange } from './week.ts';

/** Severities that raise an alert (the pipeline alerts from medium up). */
const ALERTING: readonly Severity[] = ['medium', 'high', 'critical'];
const ALERTING_SQL = `('medium', 'high', 'critical')`;

export interface DigestQueryOptions {
  week: IsoWeek;
  timeZone: string;
  now: number;
  /** Source id → display name (from the config); ids not listed show as themselves. */
  sourceNames?: Record<string, string>;
  /** Weeks before the digest week used for comparisons and the chart. Default 8. */
  trendWeeks?: number;
  /** Open items listed at most (the total is always given). Default 25. */
  openLimit?: number;
}

export interface SourceCount {
  sourceId: string;
  sourceName: string;
  count: number;
}

export interface CategoryRow {
  category: Category | string;
  bySeverity: Record<Severity, number>;
  total: number;
}

export interface RatingWeek {
  label: string;
  firstDay: string;
  avg: number | null;
  count: number;
}

export interface OpenItem {
  itemId: number;
  sourceId: string;
  sourceName: string;
  /** Only an http(s) URL; anything else is dropped here. */
  url: string | null;
  status: string;
  severity: Severity;
  categories: string[];
  detectedAt: number;
  ageMs: number;
  /** The stored masked excerpt (not escaped). */
  excerpt: string;
  rating: number | null;
  /** The source no longer lists it. */
  removed: boolean;
}

export interface DeadLetter {
  id: number;
  channel: string;
  kind: string;
  itemId: number | null;
  sourceName: string | null;
  attempts: number;
  error: string | null;
  createdAt: number;
}

export interface BrokenSource {
  sourceId: string;
  sourceName: string;
  since: number | null;
  consecutiveFailures: number;
  error: string | null;
  lastSuccessAt: number | null;
}

export interface Median {
  medianMs: number | null;
  count: number;
}

export interface DigestData {
  week: WeekRange;
  timeZone: string;
  generatedAt: number;
  newItems: { total: number; bySource: SourceCount[] };
  flagged: { total: number; byCategory: CategoryRow[]; bySeverity: Record<Severity, number> };
  ratings: { thisWeek: RatingWeek; previous: { avg: number | null; count: number; weeks: number }; trend: RatingWeek[] };
  open: { total: number; items: OpenItem[] };
  deadLetters: { thisWeek: DeadLetter[]; olderCount: number };
  brokenSources: BrokenSource[];
  responseTimes: {
    thisWeek: { ack: Median; responded: Median };
    previous: { ack: Median; responded: Median; weeks: number };
  };
}

export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const zeroSeverities = (): Record<Severity, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });
const sevRank = (s: string) => SEVERITIES.indexOf(s as Severity);

export function queryDigest(db: Db, opts: DigestQueryOptions): DigestData {
  const trendWeeks = opts.trendWeeks ?? 8;
  const openLimit = opts.openLimit ?? 25;
  const names = opts.sourceNames ?? {};
  const nameOf = (id: string) => names[id] ?? id;
  const week = weekRange(opts.week, opts.timeZone);
  const trendStart = weekRange(shiftWeek(opts.week, -trendWeeks), opts.timeZone).start;
  const { start, end } = week;

  // New items by source.
  const bySource = (
    db
      .prepare(`SELECT source_id AS sourceId, COUNT(*) AS count FROM items WHERE first_seen_at >= ? AND first_seen_at < ? GROUP BY source_id`)
      .all(start, end) as { sourceId: string; count: number }[]
  )
    .map((r) => ({ ...r, sourceName: nameOf(r.sourceId) }))
    .sort((a, b) => b.count - a.count || a.sourceName.localeCompare(b.sourceName));
  const newItems = { total: bySource.reduce((n, r) => n + r.count, 0), bySource };

  // Flagged this week: an item counts once per category, at its highest severity in that category.
  const flagRows = db
    .prepare(
      `SELECT v.item_id AS itemId, f.category AS category, f.severity AS severity
       FROM findings f JOIN item_versions v ON v.id = f.version_id
       WHERE f.created_at >= ? AND f.created_at < ?`,
    )
    .all(start, end) as { itemId: number; category: string; severity: string }[];
  const perItemCat = new Map<string, { category: string; severity: Severity }>();
  const perItem = new Map<number, Severity>();
  for (const r of flagRows) {
    if (sevRank(r.severity) < 0) continue;
    const sev = r.severity as Severity;
    const k = `${r.itemId}\u0000${r.category}`;
    const prev = perItemCat.get(k);
    if (!prev || sevRank(sev) > sevRank(prev.severity)) perItemCat.set(k, { category: r.category, severity: sev });
    const p = perItem.get(r.itemId);
    if (!p || sevRank(sev) > sevRank(p)) perItem.set(r.itemId, sev);
  }
  const cats = new Map<string, CategoryRow>();
  for (const { category, severity } of perItemCat.values()) {
    let row = cats.get(category);
    if (!row) cats.set(category, (row = { category, bySeverity: zeroSeverities(), total: 0 }));
    row.bySeverity[severity]++;
    row.total++;
  }
  const catOrder = (c: string) => {
    const i = CATEGORIES.indexOf(c as Category);
    return i < 0 ? CATEGORIES.length : i;
  };
  const bySeverity = zeroSeverities();
  for (const s of perItem.values()) bySeverity[s]++;
  const flagged = {
    total: perItem.size,
    byCategory: [...cats.values()].sort((a, b) => catOrder(a.category) - catOrder(b.category) || a.category.localeCompare(b.category)),
    bySeverity,
  };

  // Ratings: an item's week is when it was published (when known and plausible), else when it was first seen.
  const rated = db
    .prepare(
      `SELECT i.first_seen_at AS seen, v.published_at AS published, v.rating AS rating
       FROM items i JOIN item_versions v ON v.id = i.current_version_id
       WHERE v.rating IS NOT NULL AND i.first_seen_at >= ?`,
    )
    .all(trendStart) as { seen: number; published: string | null; rating: number }[];
  const buckets: { range: WeekRange; sum: number; count: number }[] = [];
  for (let i = trendWeeks; i >= 0; i--) buckets.push({ range: weekRange(shiftWeek(opts.week, -i), opts.timeZone), sum: 0, count: 0 });
  for (const r of rated) {
    if (!(r.rating >= 1 && r.rating <= 5)) continue;
    const p = r.published ? Date.parse(r.published) : NaN;
    const t = Number.isFinite(p) && p <= r.seen ? p : r.seen;
    const b = buckets.find((x) => t >= x.range.start && t < x.range.end);
    if (b) {
      b.sum += r.rating;
      b.count++;
    }
  }
  const trend: RatingWeek[] = buckets.map((b) => ({
    label: b.range.label,
    firstDay: b.range.firstDay,
    avg: b.count ? b.sum / b.count : null,
    count: b.count,
  }));
  const prevBuckets = buckets.slice(0, -1);
  const prevCount = prevBuckets.reduce((n, b) => n + b.count, 0);
  const ratings = {
    thisWeek: trend[trend.length - 1]!,
    previous: { avg: prevCount ? prevBuckets.reduce((n, b) => n + b.sum, 0) / prevCount : null, count: prevCount, weeks: trendWeeks },
    trend,
  };

  // Still open: alerted (medium+ on the current version) and neither responded to nor dismissed. Oldest first.
  const openRows = db
    .prepare(
      `SELECT i.id AS itemId, i.source_id AS sourceId, i.url AS url, i.status AS status, i.deleted_at AS deletedAt,
              v.excerpt_masked AS excerpt, v.rating AS rating, i.current_version_id AS versionId,
              (SELECT MIN(f.created_at) FROM findings f JOIN item_versions v2 ON v2.id = f.version_id
                WHERE v2.item_id = i.id AND f.severity IN ${ALERTING_SQL}) AS detectedAt
       FROM items i JOIN item_versions v ON v.id = i.current_version_id
       WHERE i.status IN ('new', 'acknowledged')
         AND EXISTS (SELECT 1 FROM findings f WHERE f.version_id = i.current_version_id AND f.severity IN ${ALERTING_SQL})
       ORDER BY detectedAt, i.id`,
    )
    .all() as {
    itemId: number; sourceId: string; url: string | null; status: string; deletedAt: number | null;
    excerpt: string; rating: number | null; versionId: number; detectedAt: number;
  }[];
  const findingsOf = db.prepare(`SELECT category, severity FROM findings WHERE version_id = ?`);
  const openItems: OpenItem[] = openRows.slice(0, openLimit).map((r) => {
    const fs = findingsOf.all(r.versionId) as { category: string; severity: string }[];
    let severity: Severity = 'medium';
    const categories: string[] = [];
    for (const f of fs) {
      if (sevRank(f.severity) > sevRank(severity)) severity = f.severity as Severity;
      if (ALERTING.includes(f.severity as Severity) && !categories.includes(f.category)) categories.push(f.category);
    }
    categories.sort((a, b) => catOrder(a) - catOrder(b));
    return {
      itemId: r.itemId,
      sourceId: r.sourceId,
      sourceName: nameOf(r.sourceId),
      url: safeUrl(r.url),
      status: r.status,
      severity,
      categories,
      detectedAt: r.detectedAt,
      ageMs: Math.max(0, opts.now - r.detectedAt),
      excerpt: r.excerpt,
      rating: r.rating,
      removed: r.deletedAt !== null,
    };
  });

  // Dead letters: the ones written this week in full, older ones as a count (they stay dead until retried).
  const deadRows = db
    .prepare(
      `SELECT id, channel, kind, item_id AS itemId, attempts, last_error AS error, created_at AS createdAt,
              json_extract(payload_json, '$.sourceName') AS sourceName
       FROM outbox WHERE status = 'dead' AND created_at >= ? AND created_at < ? ORDER BY created_at, id`,
    )
    .all(start, end) as (DeadLetter & { sourceName: unknown })[];
  const olderCount = (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'dead' AND created_at < ?`).get(start) as { n: number }).n;
  const deadLetters = {
    thisWeek: deadRows.map((d) => ({ ...d, sourceName: typeof d.sourceName === 'string' ? d.sourceName : null })),
    olderCount,
  };

  const brokenSources = (
    db
      .prepare(
        `SELECT source_id AS sourceId, broken_since AS since, consecutive_failures AS consecutiveFailures,
                last_error AS error, last_success_at AS lastSuccessAt
         FROM source_health WHERE broken = 1 ORDER BY broken_since, source_id`,
      )
      .all() as Omit<BrokenSource, 'sourceName'>[]
  ).map((b) => ({ ...b, sourceName: nameOf(b.sourceId) }));

  // Response times: detection = first finding of the item; acknowledged = first action of any kind after it
  // (a "responded" without an "ack" was acknowledged then too); responded = first "done". Counted in the week
  // the action happened.
  const actionRows = db
    .prepare(
      `SELECT d.itemId AS itemId, d.detectedAt AS detectedAt,
              (SELECT MIN(a.at) FROM item_actions a WHERE a.item_id = d.itemId AND a.action IN ('ack', 'done', 'dismiss') AND a.at >= d.detectedAt) AS ackAt,
              (SELECT MIN(a.at) FROM item_actions a WHERE a.item_id = d.itemId AND a.action = 'done' AND a.at >= d.detectedAt) AS doneAt
       FROM (SELECT v.item_id AS itemId, MIN(f.created_at) AS detectedAt
             FROM findings f JOIN item_versions v ON v.id = f.version_id
             WHERE f.severity IN ${ALERTING_SQL} GROUP BY v.item_id) d
       WHERE EXISTS (SELECT 1 FROM item_actions a WHERE a.item_id = d.itemId AND a.at >= ? AND a.at < ?)`,
    )
    .all(trendStart, end) as { itemId: number; detectedAt: number; ackAt: number | null; doneAt: number | null }[];
  const within = (t: number | null, a: number, b: number) => t !== null && t >= a && t < b;
  const med = (rows: typeof actionRows, key: 'ackAt' | 'doneAt', a: number, b: number): Median => {
    const xs = rows.filter((r) => within(r[key], a, b)).map((r) => r[key]! - r.detectedAt);
    return { medianMs: median(xs), count: xs.length };
  };
  const responseTimes = {
    thisWeek: { ack: med(actionRows, 'ackAt', start, end), responded: med(actionRows, 'doneAt', start, end) },
    previous: { ack: med(actionRows, 'ackAt', trendStart, start), responded: med(actionRows, 'doneAt', trendStart, start), weeks: trendWeeks },
  };

  return {
    week,
    timeZone: opts.timeZone,
    generatedAt: opts.now,
    newItems,
    flagged,
    ratings,
    open: { total: openRows.length, items: openItems },
    deadLetters,
    brokenSources,
    responseTimes,
  };
}
