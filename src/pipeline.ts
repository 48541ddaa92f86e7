// One source's poll result → store → analyze → guidance → outbox. Each new item version is stored, analysed
// and (when flagged) enqueued in ONE transaction, so a crash leaves either all of it or none of it, and a
// restart + re-poll finds the content already stored (no second version, no second alert).
import type { Logger } from 'pino';
import type { Db } from './store/db.ts';
import type { Config, SourceConfig } from './config/load.ts';
import type { AlertPayload, OutboxChannel } from './core/alert.ts';
import { maxSeverity, SEVERITIES, type Flag, type PracticeFacts, type RawItem, type Severity } from './core/types.ts';
import { analyze } from './detectors/index.ts';
import { excerpt as makeExcerpt, maskText } from './privacy/mask.ts';
import { buildGuidance } from './guidance/index.ts';
import { enqueue } from './outbox/enqueue.ts';
import { dedupeByExternalId, normalisedTextHash, recordItem, type NewVersion } from './store/items.ts';

export const EXCERPT_CHARS = 400;

export interface PipelineDeps {
  db: Db;
  config: Pick<Config, 'slack' | 'alerts' | 'guidance'>;
  practice: PracticeFacts;
  log: Logger;
  now?: () => number;
  /** The detection engine; tests inject a scripted one. Default: `analyze` of src/detectors. */
  analyze?: typeof analyze;
}

export interface PipelineResult {
  /** Items seen in the poll. */
  seen: number;
  /** New items (first version). */
  created: number;
  /** New versions of known items. */
  edited: number;
  /** Versions with at least one finding. */
  flagged: number;
  /** Outbox rows written. */
  enqueued: number;
  /** Items that failed and were rolled back (retried on the next poll). */
  failed?: number;
  /** Alerted items the source no longer lists (reported once each). */
  removed?: number;
}

/** The alert channels configured for a flagged version of this severity. */
export function alertChannels(config: Pick<Config, 'slack' | 'alerts'>, severity: Severity | null): OutboxChannel[] {
  if (severity === null || SEVERITIES.indexOf(severity) < SEVERITIES.indexOf('medium')) return [];
  const out: OutboxChannel[] = [];
  if (config.slack.enabled) out.push('slack');
  if (config.alerts.console) out.push('console');
  return out;
}

/** The channels that hear about source health (broken / recovered). Without Slack, e-mail tells the responder. */
export function healthChannels(config: Pick<Config, 'slack' | 'alerts'> & { email?: Pick<Config['email'], 'enabled'> }): OutboxChannel[] {
  const out: OutboxChannel[] = [];
  if (config.slack.enabled) out.push('slack');
  else if (config.email?.enabled) out.push('email');
  if (config.alerts.console) out.push('console');
  return out;
}

export function processPoll(deps: PipelineDeps, source: SourceConfig, items: readonly RawItem[]): PipelineResult {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const result: PipelineResult = { seen: items.length, created: 0, edited: 0, flagged: 0, enqueued: 0 };
  const step = db.transaction((item: RawItem, t: number) => {
    const v = recordItem(db, source.id, item, t);
    if (!v) return null;
    return { v, r: analyseVersion(deps, source, v, t) };
  });
  for (const item of dedupeByExternalId(items)) {
    try {
      // Count only what committed.
      const done = step(item, now());
      if (!done) continue;
      if (done.v.isEdit) result.edited++;
      else result.created++;
      if (done.r.flagged) result.flagged++;
      result.enqueued += done.r.enqueued;
    } catch (err) {
      result.failed = (result.failed ?? 0) + 1;
      // One bad item (e.g. a detector bug) must not lose the rest of the poll; it is retried on the next poll
      // because nothing of it was committed.
      deps.log.error({ source: source.id, code: (err as { code?: string }).code ?? 'error', errName: (err as Error).name }, 'pipeline: item failed');
    }
  }
  if (result.created || result.edited) {
    deps.log.info({ source: source.id, ...result }, 'pipeline: stored new content');
  }
  const removed = detectRemovals(deps, source, items, now());
  if (removed) {
    result.removed = removed;
    deps.log.info({ source: source.id, removed }, 'pipeline: alerted items no longer listed');
  }
  return result;
}

/**
 * An alerted item that the source no longer lists is reported as removed: its alert is updated (not a new alert).
 * Sources show a window of items (a feed's latest entries, a page of reviews), so absence alone proves nothing;
 * an item counts as removed only when it was published INSIDE the window this poll covers (between the oldest
 * and the newest dated item it returned) and is missing from it. Each item is reported removed once.
 */
function detectRemovals(deps: PipelineDeps, source: SourceConfig, items: readonly RawItem[], now: number): number {
  const { db } = deps;
  const dates = items.map((i) => (i.publishedAt ? Date.parse(i.publishedAt) : NaN)).filter((t) => Number.isFinite(t));
  if (dates.length < 2) return 0;
  const lo = Math.min(...dates);
  const hi = Math.max(...dates);
  const listed = new Set(items.map((i) => i.externalId));
  const candidates = db
    .prepare(
      `SELECT i.id, i.external_id, v.published_at FROM items i JOIN item_versions v ON v.id = i.current_version_id
       WHERE i.source_id = ? AND i.deleted_at IS NULL AND v.published_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM outbox o WHERE o.item_id = i.id AND o.kind IN ('alert', 'alert_update'))`,
    )
    .all(source.id) as { id: number; external_id: string; published_at: string }[];
  let removed = 0;
  const mark = db.transaction((itemId: number) => {
    db.prepare('UPDATE items SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, itemId);
    for (const r of latestAlerts(db, itemId)) {
      const payload = { ...(JSON.parse(r.payload_json) as AlertPayload), edited: false, deleted: true };
      enqueue(db, { key: `removed:${itemId}:${r.channel}`, channel: r.channel, kind: 'alert_update', itemId, versionId: payload.versionId, payload, now });
    }
  });
  for (const c of candidates) {
    const t = Date.parse(c.published_at);
    if (!Number.isFinite(t) || t < lo || t > hi || listed.has(c.external_id)) continue;
    mark(c.id);
    removed++;
  }
  return removed;
}

/** Inside the caller's transaction: analyse one version, store the analysis, enqueue alerts. */
function analyseVersion(deps: PipelineDeps, source: SourceConfig, v: NewVersion, now: number): { flagged: boolean; enqueued: number } {
  const { db, practice } = deps;
  const item = v.item;
  const byPractice = isByPractice(item.author, practice);
  const analysis = (deps.analyze ?? analyze)(
    {
      text: item.text,
      title: item.title,
      rating: item.rating,
      author: item.author,
      owned: source.owned,
      byPractice,
      kind: item.kind,
      ...(item.facts ? { facts: item.facts } : {}),
    },
    practice,
  );
  const excerpt = makeExcerpt(maskText(item.text, analysis.entities), EXCERPT_CHARS);
  db.prepare('UPDATE item_versions SET entities_json = ?, excerpt_masked = ? WHERE id = ?').run(
    JSON.stringify(analysis.entities),
    excerpt,
    v.versionId,
  );
  const insertFinding = db.prepare(
    'INSERT INTO findings (version_id, category, severity, code, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const f of analysis.flags) insertFinding.run(v.versionId, f.category, f.severity, f.code, f.reason, now);
  if (analysis.flags.length === 0) return { flagged: false, enqueued: v.isEdit ? reportCleared(db, v, excerpt, now) : 0 };

  const severity = maxSeverity(analysis.flags);
  const channels = alertChannels(deps.config, severity);
  if (channels.length === 0) return { flagged: true, enqueued: 0 };
  const dismissed = db.prepare('SELECT 1 FROM dismissed_texts WHERE text_hash = ?').get(normalisedTextHash(item.text));
  if (dismissed) {
    deps.log.info({ source: source.id, itemId: v.itemId, versionId: v.versionId }, 'pipeline: text was dismissed before; no alert');
    return { flagged: true, enqueued: 0 };
  }

  const guidance = buildGuidance(analysis.flags, practice, deps.config.guidance.templates, { owned: source.owned, byPractice });
  let enqueued = 0;
  for (const channel of channels) {
    const alertedBefore =
      v.isEdit &&
      db
        .prepare(`SELECT 1 FROM outbox WHERE item_id = ? AND channel = ? AND kind IN ('alert', 'alert_update') AND version_id <> ? LIMIT 1`)
        .get(v.itemId, channel, v.versionId) !== undefined;
    const payload: AlertPayload = {
      type: 'alert',
      itemId: v.itemId,
      versionId: v.versionId,
      sourceId: source.id,
      sourceName: source.name ?? source.id,
      url: item.url,
      postedAt: item.publishedAt,
      rating: item.rating,
      severity: severity!,
      categories: [...new Set(analysis.flags.map((f) => f.category))],
      reasons: sortFlags(analysis.flags).map((f) => ({ category: f.category, severity: f.severity, code: f.code, reason: f.reason })),
      action: guidance.action,
      draftReply: guidance.draftReply,
      excerpt,
      edited: alertedBefore,
    };
    const wrote = enqueue(db, {
      key: `alert:v${v.versionId}:${channel}`,
      channel,
      kind: alertedBefore ? 'alert_update' : 'alert',
      itemId: v.itemId,
      versionId: v.versionId,
      payload,
      now,
    });
    if (wrote) enqueued++;
  }
  return { flagged: true, enqueued };
}

/** The latest alert (or alert update) of an item on each channel: its masked payload is what gets updated in place. */
function latestAlerts(db: Db, itemId: number): { channel: OutboxChannel; payload_json: string }[] {
  return db
    .prepare(
      `SELECT o.channel, o.payload_json FROM outbox o WHERE o.item_id = ? AND o.kind IN ('alert', 'alert_update')
         AND o.id = (SELECT MAX(o2.id) FROM outbox o2 WHERE o2.item_id = o.item_id AND o2.channel = o.channel AND o2.kind IN ('alert', 'alert_update'))`,
    )
    .all(itemId) as { channel: OutboxChannel; payload_json: string }[];
}

/**
 * An alerted item was edited and its new version raises no flag (e.g. the writer removed a phone number): update
 * the alert on every channel that had one, instead of leaving the old findings standing. Returns rows written.
 */
function reportCleared(db: Db, v: NewVersion, excerpt: string, now: number): number {
  let n = 0;
  for (const r of latestAlerts(db, v.itemId)) {
    const prev = JSON.parse(r.payload_json) as AlertPayload;
    const payload: AlertPayload & { cleared: true } = {
      ...prev,
      versionId: v.versionId,
      severity: 'low',
      categories: [],
      reasons: [],
      action: { code: 'no_action', text: 'The post was edited and no longer raises any concern. Nothing more to do unless a reply is already planned; if so, keep it general.' },
      draftReply: null,
      excerpt,
      edited: true,
      cleared: true,
    };
    if (enqueue(db, { key: `alert:v${v.versionId}:${r.channel}`, channel: r.channel, kind: 'alert_update', itemId: v.itemId, versionId: v.versionId, payload, now })) n++;
  }
  return n;
}

/** The author is the practice itself, a provider or a staff member (case- and punctuation-insensitive). */
export function isByPractice(author: string | null | undefined, practice: PracticeFacts): boolean {
  if (!author) return false;
  const a = personKey(author);
  if (!a) return false;
  const names = [practice.name, ...practice.staff, ...practice.providers.map((p) => p.name)];
  return names.some((n) => personKey(n) === a);
}

function personKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(dr|doctor) /, '');
}

function sortFlags(flags: readonly Flag[]): Flag[] {
  return [...flags].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
}
