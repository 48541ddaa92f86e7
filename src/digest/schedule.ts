// Once per week through the outbox. The digest of ISO week W has the idempotency key `digest:<W>` (UNIQUE), so
// however often it is enqueued — every cron tick, every restart, `digest --send` — it is written once and sent once.
// The service enqueues at startup AND on the cron schedule (node-cron, in the practice's time zone); at startup it
// enqueues the latest week whose digest is DUE (its first scheduled time after the week ended has passed), so a
// digest missed while the daemon was down goes out when it comes back, and a restart early on Monday before 08:00
// does not send it ahead of schedule. Only the latest due week is caught up: after a month offline, one digest.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Config } from '../config/load.ts';
import type { PracticeFacts } from '../core/types.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { Db } from '../store/db.ts';
import type { DigestPayload } from '../notifiers/email.ts';
import { queryDigest, type DigestData } from './query.ts';
import { renderDigest, type RenderedDigest } from './render.ts';
import { formatWeek, lastCompletedWeek, shiftWeek, weekRange, type IsoWeek } from './week.ts';

export const digestKey = (week: IsoWeek | string) => `digest:${typeof week === 'string' ? week : formatWeek(week)}`;

type DigestConfig = Pick<Config, 'email' | 'responder' | 'sources'>;

/** The responder plus `email.digest_recipients`, de-duplicated case-insensitively, in that order. */
export function digestRecipients(config: Pick<Config, 'email' | 'responder'>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of [config.responder.email, ...config.email.digest_recipients]) {
    const k = a.trim().toLowerCase();
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(a.trim());
  }
  return out;
}

export function sourceNames(config: Pick<Config, 'sources'>): Record<string, string> {
  return Object.fromEntries(config.sources.map((s) => [s.id, s.name ?? s.id]));
}

export interface BuildInput {
  db: Db;
  config: DigestConfig;
  practice: Pick<PracticeFacts, 'name' | 'timezone'>;
  week: IsoWeek;
  now: number;
}

export function buildDigest(input: BuildInput): { data: DigestData; rendered: RenderedDigest } {
  const data = queryDigest(input.db, {
    week: input.week,
    timeZone: input.practice.timezone,
    now: input.now,
    sourceNames: sourceNames(input.config),
  });
  return { data, rendered: renderDigest(data, { practiceName: input.practice.name }) };
}

/**
 * Renders the week's digest and enqueues it (INSERT OR IGNORE). Returns whether a row was written. The payload is
 * built only from masked excerpts and escaped at render time; it is the exact e-mail that will be sent.
 * The render is skipped when the row already exists (the common case on restarts and daily ticks).
 */
export function enqueueDigest(input: BuildInput): { key: string; enqueued: boolean } {
  const key = digestKey(input.week);
  if (input.db.prepare('SELECT 1 FROM outbox WHERE idempotency_key = ?').get(key)) return { key, enqueued: false };
  const { rendered } = buildDigest(input);
  const payload: DigestPayload = { type: 'digest', week: formatWeek(input.week), recipients: digestRecipients(input.config), ...rendered };
  return { key, enqueued: enqueue(input.db, { key, channel: 'email', kind: 'digest', payload, now: input.now }) };
}

/** First instant at or after `from` (rounded up to a minute) matching the cron, within `limitMs`; null if none. */
export function firstRunAtOrAfter(task: Pick<ScheduledTask, 'match'>, from: number, limitMs = 8 * 86_400_000): number | null {
  const start = Math.ceil(from / 60_000) * 60_000;
  for (let t = start; t <= from + limitMs; t += 60_000) if (task.match(new Date(t))) return t;
  return null;
}

/**
 * The latest week whose digest is due at `now`: the last completed week once the schedule has fired after its end,
 * else the week before. A schedule that never fires within 8 days of a week's end (e.g. yearly) counts as due at once.
 */
export function dueWeek(now: number, timeZone: string, task: Pick<ScheduledTask, 'match'>): IsoWeek {
  const last = lastCompletedWeek(now, timeZone);
  const end = weekRange(last, timeZone).end;
  const due = firstRunAtOrAfter(task, end);
  return due === null || now >= due ? last : shiftWeek(last, -1);
}

export interface DigestServiceOptions {
  db: Db;
  config: DigestConfig;
  practice: Pick<PracticeFacts, 'name' | 'timezone'>;
  log: Logger;
  now?: () => number;
}

export interface DigestService {
  name: string;
  start(): void;
  stop(): Promise<void>;
  /** One check (what the cron tick and startup run): enqueues the due week's digest if not yet queued. */
  check(): { week: string; enqueued: boolean } | null;
}

export function createDigestService(opts: DigestServiceOptions): DigestService {
  const now = opts.now ?? Date.now;
  const tz = opts.practice.timezone;
  const schedule = opts.config.email.digest_schedule;
  let task: ScheduledTask | null = null;
  // A stopped task used only for `match` (the schedule in the practice's zone), also before start().
  let matcher: ScheduledTask | null = null;
  const getMatcher = () => (matcher ??= cron.createTask(schedule, () => undefined, { timezone: tz, name: 'digest-matcher' }));

  function check(): { week: string; enqueued: boolean } | null {
    try {
      const t = now();
      const week = dueWeek(t, tz, getMatcher());
      const r = enqueueDigest({ db: opts.db, config: opts.config, practice: opts.practice, week, now: t });
      if (r.enqueued) opts.log.info({ week: formatWeek(week) }, 'weekly digest enqueued');
      return { week: formatWeek(week), enqueued: r.enqueued };
    } catch (err) {
      opts.log.error({ err: err instanceof Error ? err.name : 'error' }, 'weekly digest could not be enqueued');
      return null;
    }
  }

  return {
    name: 'digest',
    check,
    start() {
      if (task) return;
      check();
      task = cron.schedule(schedule, () => void check(), { timezone: tz, name: 'digest', noOverlap: true });
    },
    async stop() {
      const t = task;
      const m = matcher;
      task = null;
      matcher = null;
      if (t) await t.destroy();
      if (m) await m.destroy();
    },
  };
}
