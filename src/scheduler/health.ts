// Per-source poll health (table source_health): consecutive failures, and exactly ONE "source broken" outbox
// row when the threshold is reached, exactly ONE "source recovered" on the next success.
import type { Db } from '../store/db.ts';
import type { Config, SourceConfig } from '../config/load.ts';
import type { SourceHealthPayload } from '../core/alert.ts';
import { PracticeWatchError, SourceError } from '../core/errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { healthChannels } from '../pipeline.ts';

interface HealthRow {
  consecutive_failures: number;
  broken: number;
  broken_since: number | null;
}

/** The error in plain, PHI-free words: a SourceError's message; never a stack, a body or a foreign message. */
export function plainError(err: unknown, timeoutMs?: number): { message: string; code: string } {
  if (err instanceof PollTimeoutError) return { message: err.message, code: 'PW_POLL_TIMEOUT' };
  if (err instanceof SourceError) return { message: firstLine(err.message), code: err.code };
  if (err instanceof PracticeWatchError) return { message: firstLine(err.message), code: err.code };
  const name = err instanceof Error ? err.name : typeof err;
  if (name === 'AbortError' || name === 'TimeoutError') {
    return { message: `the poll was cut off${timeoutMs ? ` after ${Math.round(timeoutMs / 1000)}s` : ''}`, code: 'PW_POLL_TIMEOUT' };
  }
  return { message: `unexpected error in the connector (${name})`, code: 'PW_INTERNAL' };
}

export class PollTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${Math.round(ms / 1000)}s (poll timed out)`);
    this.name = 'PollTimeoutError';
  }
}

function firstLine(s: string): string {
  const l = s.split('\n')[0]!.trim();
  return l.length > 300 ? l.slice(0, 299) + '…' : l;
}

type HealthConfig = Pick<Config, 'slack' | 'alerts'> & { email?: Pick<Config['email'], 'enabled'> };

function row(db: Db, sourceId: string): HealthRow | undefined {
  return db.prepare('SELECT consecutive_failures, broken, broken_since FROM source_health WHERE source_id = ?').get(sourceId) as
    | HealthRow
    | undefined;
}

/** Records a failed poll; returns true when this failure made the source "broken" (alert enqueued). */
export function recordFailure(db: Db, config: HealthConfig, source: SourceConfig, err: { message: string; code: string }, now: number): boolean {
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO source_health (source_id, consecutive_failures, last_error, last_error_code, last_failure_at)
       VALUES (?, 1, ?, ?, ?)
       ON CONFLICT(source_id) DO UPDATE SET consecutive_failures = consecutive_failures + 1,
         last_error = excluded.last_error, last_error_code = excluded.last_error_code, last_failure_at = excluded.last_failure_at`,
    ).run(source.id, err.message, err.code, now);
    const h = row(db, source.id)!;
    if (h.broken || h.consecutive_failures < config.alerts.source_broken_after_failures) return false;
    db.prepare('UPDATE source_health SET broken = 1, broken_since = ? WHERE source_id = ?').run(now, source.id);
    const payload: SourceHealthPayload = {
      type: 'source_broken',
      sourceId: source.id,
      sourceName: source.name ?? source.id,
      error: err.message,
      consecutiveFailures: h.consecutive_failures,
      since: now,
    };
    for (const channel of healthChannels(config)) {
      enqueue(db, { key: `source_broken:${source.id}:${now}:${channel}`, channel, kind: 'source_broken', payload, now });
    }
    return true;
  })();
}

/** Records a successful poll; returns true when it ended a "broken" period (recovered alert enqueued). */
export function recordSuccess(db: Db, config: HealthConfig, source: SourceConfig, now: number): boolean {
  return db.transaction(() => {
    const h = row(db, source.id);
    if (h && h.consecutive_failures === 0 && !h.broken) {
      db.prepare('UPDATE source_health SET last_success_at = ? WHERE source_id = ?').run(now, source.id);
      return false;
    }
    db.prepare(
      `INSERT INTO source_health (source_id, consecutive_failures, last_success_at, broken, broken_since)
       VALUES (?, 0, ?, 0, NULL)
       ON CONFLICT(source_id) DO UPDATE SET consecutive_failures = 0, last_success_at = excluded.last_success_at,
         broken = 0, broken_since = NULL`,
    ).run(source.id, now);
    if (!h?.broken) return false;
    const payload: SourceHealthPayload = {
      type: 'source_recovered',
      sourceId: source.id,
      sourceName: source.name ?? source.id,
      error: null,
      consecutiveFailures: h.consecutive_failures,
      since: h.broken_since,
    };
    for (const channel of healthChannels(config)) {
      enqueue(db, {
        key: `source_recovered:${source.id}:${h.broken_since ?? 0}:${channel}`,
        channel,
        kind: 'source_recovered',
        payload,
        now,
      });
    }
    return true;
  })();
}
