// The outbox dispatcher: claims due rows one at a time, delivers each through the notifier of its channel, and
// decides what happens on failure (backoff with full jitter, Retry-After, config problems, dead letters).
// It is the ONE retry layer for deliveries; notifiers never retry.
//
// Delivery guarantee: at-least-once, with the duplicate window closed where the channel can be searched.
// A row is "in doubt" when it may have reached the channel without being marked sent: the process died while it was
// `sending`, or an attempt failed ambiguously (timeout, 5xx, connection reset). In-doubt rows are recognised by
// `status='pending' AND claimed_at IS NOT NULL` (a definite failure clears claimed_at). Before re-sending an in-doubt
// row the dispatcher asks the notifier's optional `findDelivered()` (Slack: message metadata carrying the idempotency
// key, looked up in conversations.history/replies); when found, the row is marked sent without a second post.
import type { Notifier, OutboxChannel, OutboxRow } from '../core/alert.ts';
import { NotifierError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import type { Logger } from '../log.ts';

/** A notifier that can tell whether a row was already delivered (used only for in-doubt rows). */
export interface RecoverableNotifier extends Notifier {
  findDelivered?(row: OutboxRow, signal: AbortSignal): Promise<{ externalRef?: string } | null>;
}

export interface DispatcherOptions {
  db: Db;
  notifiers: RecoverableNotifier[];
  log: Logger;
  /** Attempts (failed or not) before a row is dead-lettered. */
  maxAttempts: number;
  now?: () => number;
  /** First retry delay cap; doubles per attempt (full jitter: a random delay in [0, cap]). Default 5 s. */
  baseDelayMs?: number;
  /** Upper bound of the backoff cap. Default 30 min. */
  maxDelayMs?: number;
  random?: () => number;
  /** How long a row waits after a configuration problem (bad token, unknown channel). Default 1 h. */
  configProblemDelayMs?: number;
  /** Per-delivery timeout (the notifier gets an AbortSignal). Default 60 s. */
  deliveryTimeoutMs?: number;
  /** Rows delivered per runOnce at most (a run ends earlier when nothing is due). Default 100. */
  maxPerRun?: number;
}

export interface Dispatcher {
  /** Delivers every due row (up to maxPerRun); resolves with the number delivered (marked sent). */
  runOnce(): Promise<number>;
  /** Runs runOnce every intervalMs (default 1 s) until stop(). Crash recovery runs first. */
  start(intervalMs?: number): void;
  /** Stops the loop and aborts an in-flight delivery (which stays in doubt and is checked on the next run). */
  stop(): Promise<void>;
  /** Puts rows left in `sending` by a crash back to pending (in doubt); re-arms rows parked by a config problem. */
  recover(): { resumed: number; rearmed: number };
}

type ClaimedRow = OutboxRow & { claimed_at: number | null; inDoubt: boolean };

const CONFIG_PREFIX = 'config: ';

/** A PHI-free error line: only messages we wrote (NotifierError) survive, trimmed; anything else becomes its class. */
function safeError(err: unknown): string {
  if (err instanceof NotifierError) return err.message.replace(/[\r\n]+/g, ' ').slice(0, 200);
  if (err instanceof Error) return `unexpected ${err.name}`;
  return 'unexpected error';
}

/** Settles with p, or rejects as soon as the signal aborts (a notifier that ignores its signal cannot hang us). */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new NotifierError('delivery aborted', true));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new NotifierError('delivery timed out or was aborted', true));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const { db, log } = opts;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const baseDelayMs = opts.baseDelayMs ?? 5_000;
  const maxDelayMs = opts.maxDelayMs ?? 30 * 60_000;
  const configProblemDelayMs = opts.configProblemDelayMs ?? 60 * 60_000;
  const deliveryTimeoutMs = opts.deliveryTimeoutMs ?? 60_000;
  const maxPerRun = opts.maxPerRun ?? 100;
  const maxAttempts = Math.max(1, opts.maxAttempts);

  const byChannel = new Map<OutboxChannel, RecoverableNotifier>();
  for (const n of opts.notifiers) byChannel.set(n.channel, n);
  const channels = [...byChannel.keys()];

  const loggedOnce = new Set<string>();
  const once = (key: string, fn: () => void) => {
    if (loggedOnce.has(key)) return;
    loggedOnce.add(key);
    fn();
  };

  /** Channel → time before which nothing is claimed for it (429 Retry-After applies to the whole channel). */
  const pausedUntil = new Map<string, number>();

  let recovered = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let inflight: AbortController | null = null;

  const selectDue = db.prepare(
    `SELECT id, claimed_at, next_attempt_at FROM outbox
     WHERE status = 'pending' AND next_attempt_at <= ? AND channel = ?
     ORDER BY next_attempt_at, id LIMIT 1`,
  );
  const claimStmt = db.prepare(
    `UPDATE outbox SET status = 'sending', claimed_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND status = 'pending' RETURNING *`,
  );
  const markSent = db.prepare(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, external_ref = ?, sent_at = ?, last_error = NULL
     WHERE id = ? AND status = 'sending'`,
  );
  const markRetry = db.prepare(
    `UPDATE outbox SET status = 'pending', attempts = ?, next_attempt_at = ?, last_error = ?, claimed_at = ?
     WHERE id = ? AND status = 'sending'`,
  );
  const markDead = db.prepare(
    `UPDATE outbox SET status = 'dead', attempts = ?, last_error = ?, claimed_at = NULL WHERE id = ? AND status = 'sending'`,
  );
  const release = db.prepare(
    `UPDATE outbox SET status = 'pending', next_attempt_at = ?, claimed_at = CASE WHEN ? THEN claimed_at ELSE NULL END
     WHERE id = ? AND status = 'sending'`,
  );

  /**
   * Claims the next due row of any deliverable channel. The SELECT and the UPDATE … RETURNING run in one IMMEDIATE
   * transaction (the write lock is held throughout), so two dispatchers can never claim the same row; the SELECT
   * also tells us whether the row was in doubt before this claim overwrote claimed_at.
   */
  const claimOne = db.transaction((t: number): ClaimedRow | null => {
    type Due = { id: number; claimed_at: number | null; next_attempt_at: number };
    let best: Due | null = null;
    for (const ch of channels) {
      if ((pausedUntil.get(ch) ?? 0) > t) continue;
      const r = selectDue.get(t, ch) as Due | undefined;
      if (!r) continue;
      if (!best || r.next_attempt_at < best.next_attempt_at || (r.next_attempt_at === best.next_attempt_at && r.id < best.id)) best = r;
    }
    if (!best) return null;
    const rows = claimStmt.all(t, JSON.stringify([best.id])) as (OutboxRow & { claimed_at: number | null })[];
    const row = rows[0];
    if (!row) return null;
    return { ...row, inDoubt: best.claimed_at !== null };
  });

  function warnUnroutable(): void {
    const rows = db
      .prepare(`SELECT channel, COUNT(*) AS n FROM outbox WHERE status = 'pending' GROUP BY channel`)
      .all() as { channel: string; n: number }[];
    for (const r of rows) {
      if (byChannel.has(r.channel as OutboxChannel)) continue;
      once(`unroutable:${r.channel}`, () =>
        log.warn({ channel: r.channel, count: r.n }, 'outbox rows wait for a channel that is not configured; they stay pending'),
      );
    }
  }

  function recover(): { resumed: number; rearmed: number } {
    recovered = true;
    const t = now();
    const resumed = db
      .prepare(
        `UPDATE outbox SET status = 'pending', next_attempt_at = MIN(next_attempt_at, ?), claimed_at = COALESCE(claimed_at, ?)
         WHERE status = 'sending'`,
      )
      .run(t, t).changes;
    const rearmed = db
      .prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND last_error LIKE 'config: %' AND next_attempt_at > ?`)
      .run(t, t).changes;
    if (resumed > 0) log.warn({ count: resumed }, 'outbox rows were interrupted mid-delivery; they will be checked before re-sending');
    if (rearmed > 0) log.info({ count: rearmed }, 'outbox rows parked by a configuration problem are retried now');
    warnUnroutable();
    return { resumed, rearmed };
  }

  function backoff(attempts: number): number {
    const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
    return Math.floor(random() * cap);
  }

  async function deliverRow(row: ClaimedRow): Promise<boolean> {
    const notifier = byChannel.get(row.channel)!;
    const ac = new AbortController();
    inflight = ac;
    const timeout = setTimeout(() => ac.abort(new Error('delivery timeout')), deliveryTimeoutMs);
    timeout.unref?.();
    const attempt = row.attempts + 1;
    const base = { outboxId: row.id, channel: row.channel, kind: row.kind, attempt };
    try {
      let result: { externalRef?: string } | null = null;
      if (row.inDoubt && notifier.findDelivered) {
        result = await abortable(notifier.findDelivered(row, ac.signal), ac.signal);
        if (result) log.info(base, 'outbox row was already delivered before an interruption; not re-sending');
      }
      if (!result) result = await abortable(notifier.deliver(row, ac.signal), ac.signal);
      markSent.run(result.externalRef ?? null, now(), row.id);
      log.info(base, 'outbox row delivered');
      return true;
    } catch (err) {
      const t = now();
      const msg = safeError(err);
      if (stopped && ac.signal.aborted) {
        // Shutting down: leave it in doubt, without spending an attempt.
        release.run(t, 1, row.id);
        return false;
      }
      if (err instanceof NotifierError && err.configProblem) {
        // Config problems never count as attempts and never dead-letter a row.
        // An in-doubt row stays in doubt: the lookup must still happen before any re-send.
        markRetry.run(row.attempts, t + configProblemDelayMs, CONFIG_PREFIX + msg, row.inDoubt ? (row.claimed_at ?? t) : null, row.id);
        once(`config:${row.channel}:${msg}`, () =>
          log.error(
            { ...base, err: msg },
            `${row.channel} is misconfigured; alerts stay queued and are delivered after the configuration is fixed and the daemon restarted`,
          ),
        );
        return false;
      }
      const retryable = err instanceof NotifierError ? err.retryable : true;
      if (!retryable || attempt >= maxAttempts) {
        markDead.run(attempt, msg, row.id);
        log.error({ ...base, err: msg, retryable }, 'outbox row dead-lettered');
        return false;
      }
      const retryAfterMs = err instanceof NotifierError ? err.retryAfterMs : undefined;
      let delay = backoff(attempt);
      if (retryAfterMs !== undefined && retryAfterMs >= 0) {
        delay = Math.max(delay, retryAfterMs);
        pausedUntil.set(row.channel, t + retryAfterMs);
      }
      // A rate-limited call was rejected before anything was posted; any other failure may have reached the channel.
      // A row that was already in doubt stays so whatever this attempt's failure was.
      const ambiguous = retryAfterMs === undefined || row.inDoubt;
      markRetry.run(attempt, t + delay, msg, ambiguous ? (row.claimed_at ?? t) : null, row.id);
      log.warn({ ...base, err: msg, delayMs: delay }, 'outbox delivery failed; will retry');
      return false;
    } finally {
      clearTimeout(timeout);
      inflight = null;
    }
  }

  async function runOnceInner(): Promise<number> {
    if (!recovered) recover();
    let delivered = 0;
    for (let i = 0; i < maxPerRun && !stopped; i++) {
      const row = claimOne.immediate(now());
      if (!row) break;
      if (await deliverRow(row)) delivered++;
    }
    return delivered;
  }

  function runOnce(): Promise<number> {
    if (running) return running;
    running = runOnceInner().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runOnce,
    recover,
    start(intervalMs = 1_000) {
      stopped = false;
      if (timer) return;
      if (!recovered) recover();
      const tick = () => {
        if (stopped) return;
        runOnce()
          .catch((err: unknown) => log.error({ err: safeError(err) }, 'outbox run failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, intervalMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      inflight?.abort(new Error('dispatcher stopping'));
      if (running) await running.catch(() => 0);
    },
  };
}
