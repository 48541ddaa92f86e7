// One node-cron task per enabled source (its `schedule` or the connector's default), no overlap per source,
// a random start delay (jitter), a global concurrency limit (`http.concurrency`) and a per-poll deadline, so a
// failing or hanging source never delays or stops the others. Each poll: connector → pipeline → source health.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Db } from '../store/db.ts';
import type { Config, SourceConfig } from '../config/load.ts';
import type { Connector, ConnectorDefinition } from '../core/connector.ts';
import type { PracticeFacts } from '../core/types.ts';
import { processPoll, type PipelineDeps, type PipelineResult } from '../pipeline.ts';
import { plainError, PollTimeoutError, recordFailure, recordSuccess } from './health.ts';

export interface ScheduledSource {
  source: SourceConfig;
  def: ConnectorDefinition;
  connector: Connector;
}

export interface SchedulerOptions {
  db: Db;
  config: Config;
  practice: PracticeFacts;
  log: Logger;
  sources: ScheduledSource[];
  now?: () => number;
  /** Deadline of one whole poll (all its requests and retries). Default: http.timeout × (retries + 2), at least 30 s. */
  pollTimeoutMs?: number;
  /** Largest random delay before a scheduled poll starts. Default 15 s. */
  jitterMs?: number;
  /**
   * Called when some items of a poll failed to store: the daemon forgets the source's conditional-GET
   * validators, so the next poll gets the full body again instead of a 304 that would hide those items.
   */
  onItemsFailed?: (source: SourceConfig) => void;
  /** Passed to the pipeline (tests). */
  analyze?: PipelineDeps['analyze'];
}

export type PollOutcome =
  | { sourceId: string; ok: true; notModified: boolean; result: PipelineResult }
  | { sourceId: string; ok: false; error: string; code: string }
  | { sourceId: string; ok: false; skipped: 'busy' | 'stopping'; error?: undefined };

export interface Scheduler {
  /** Starts the cron tasks. */
  start(): void;
  /** Polls one source now (respecting the concurrency limit and no-overlap). */
  pollNow(sourceId: string): Promise<PollOutcome>;
  /** Polls every enabled source once, concurrently (bounded), and waits for all. */
  pollAll(): Promise<PollOutcome[]>;
  /** Polls running or waiting for a slot. */
  inFlight(): number;
  /** Stops the cron tasks, aborts waiting polls and waits (at most `drainMs`) for running ones. */
  stop(drainMs?: number): Promise<void>;
}

export function defaultPollTimeoutMs(config: Pick<Config, 'http'>): number {
  return Math.max(30_000, config.http.timeout * (config.http.retries + 2));
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { db, config, log } = opts;
  const now = opts.now ?? Date.now;
  const pollTimeoutMs = opts.pollTimeoutMs ?? defaultPollTimeoutMs(config);
  const jitterMs = opts.jitterMs ?? 15_000;
  const limit = createLimiter(config.http.concurrency);
  const byId = new Map(opts.sources.filter((s) => s.source.enabled).map((s) => [s.source.id, s]));
  const running = new Map<string, Promise<PollOutcome>>();
  const tasks: ScheduledTask[] = [];
  const stopCtl = new AbortController();
  const pipelineDeps: PipelineDeps = { db, config, practice: opts.practice, log, now, ...(opts.analyze ? { analyze: opts.analyze } : {}) };

  async function pollOnce(s: ScheduledSource): Promise<PollOutcome> {
    const id = s.source.id;
    const release = await limit.acquire(stopCtl.signal).catch(() => null);
    if (!release) return { sourceId: id, ok: false, skipped: 'stopping' };
    const ctl = new AbortController();
    const onStop = () => ctl.abort(stopCtl.signal.reason);
    stopCtl.signal.addEventListener('abort', onStop, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const started = now();
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const e = new PollTimeoutError(pollTimeoutMs);
          ctl.abort(e);
          reject(e);
        }, pollTimeoutMs);
        timer.unref?.();
      });
      const polled = await Promise.race([s.connector.poll({ signal: ctl.signal }), deadline]);
      const result = polled.notModified ? { seen: 0, created: 0, edited: 0, flagged: 0, enqueued: 0 } : processPoll(pipelineDeps, s.source, polled.items);
      if (result.failed) opts.onItemsFailed?.(s.source);
      if (recordSuccess(db, config, s.source, now())) log.info({ source: id }, 'source recovered');
      log.debug({ source: id, ms: now() - started, items: polled.items.length, notModified: !!polled.notModified }, 'poll done');
      return { sourceId: id, ok: true, notModified: !!polled.notModified, result };
    } catch (err) {
      const e = stopCtl.signal.aborted && !(err instanceof PollTimeoutError) ? { message: 'stopped during shutdown', code: 'PW_STOPPED' } : plainError(err, pollTimeoutMs);
      if (e.code !== 'PW_STOPPED') {
        const broke = recordFailure(db, config, s.source, e, now());
        log.warn({ source: id, code: e.code, broken: broke }, 'poll failed');
      }
      return { sourceId: id, ok: false, error: e.message, code: e.code };
    } finally {
      clearTimeout(timer);
      stopCtl.signal.removeEventListener('abort', onStop);
      release();
    }
  }

  function pollNow(sourceId: string): Promise<PollOutcome> {
    const s = byId.get(sourceId);
    if (!s) return Promise.reject(new Error(`unknown or disabled source "${sourceId}"`));
    if (stopCtl.signal.aborted) return Promise.resolve({ sourceId, ok: false, skipped: 'stopping' });
    if (running.has(sourceId)) return Promise.resolve({ sourceId, ok: false, skipped: 'busy' });
    const p = pollOnce(s).finally(() => running.delete(sourceId));
    running.set(sourceId, p);
    return p;
  }

  return {
    start() {
      for (const s of byId.values()) {
        const expr = s.source.schedule ?? s.def.defaultSchedule;
        const task = cron.schedule(
          expr,
          async () => {
            const o = await pollNow(s.source.id);
            if (!o.ok && 'skipped' in o && o.skipped === 'busy') log.info({ source: s.source.id }, 'previous poll still running; tick skipped');
          },
          {
            name: `source:${s.source.id}`,
            noOverlap: true,
            maxRandomDelay: jitterMs,
            timezone: config.practice.timezone,
          },
        );
        tasks.push(task);
      }
      log.info({ sources: tasks.length }, 'scheduler started');
    },
    pollNow,
    async pollAll() {
      return Promise.all([...byId.keys()].map((id) => pollNow(id)));
    },
    inFlight: () => running.size,
    async stop(drainMs = 10_000) {
      for (const t of tasks) await t.destroy();
      tasks.length = 0;
      limit.close();
      const pending = [...running.values()];
      if (pending.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        Promise.allSettled(pending).then(() => true),
        new Promise<false>((r) => {
          timer = setTimeout(() => r(false), drainMs);
        }),
      ]);
      clearTimeout(timer);
      if (!drained) {
        log.warn({ inFlight: running.size }, 'polls still running after the drain period; aborting them');
        stopCtl.abort(new Error('shutdown'));
        await Promise.allSettled([...running.values()]);
      }
    },
  };
}

/** A counting semaphore; `close()` rejects every waiter (and later acquires). */
function createLimiter(max: number) {
  let active = 0;
  let closed = false;
  const waiters: { resolve: (release: () => void) => void; reject: (e: Error) => void }[] = [];
  const release = () => {
    active--;
    const next = waiters.shift();
    if (next) {
      active++;
      next.resolve(once(release));
    }
  };
  return {
    acquire(signal: AbortSignal): Promise<() => void> {
      if (closed || signal.aborted) return Promise.reject(new Error('closed'));
      if (active < max) {
        active++;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    close() {
      closed = true;
      for (const w of waiters.splice(0)) w.reject(new Error('closed'));
    },
  };
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      f();
    }
  };
}
