// The composition root: config → db → HTTP client → connectors → scheduler → outbox dispatcher + notifiers,
// plus a small list of extra services (Slack buttons, digest…). Graceful shutdown on SIGINT/SIGTERM: stop cron,
// wait (bounded) for in-flight polls, stop the dispatcher and services, close the HTTP client and the DB.
import type { Logger } from 'pino';
import { loadConfig, type Config, type LoadedConfig, type SourceConfig } from './config/load.ts';
import { ConfigError } from './core/errors.ts';
import type { Notifier } from './core/alert.ts';
import type { ConnectorDefinition } from './core/connector.ts';
import type { HttpClient } from './http/types.ts';
import { createHttpClient, sourceHttpClient, type ClosableHttpClient } from './http/client.ts';
import { createLogger } from './log.ts';
import { openDb, type Db } from './store/db.ts';
import { eraseExpiredRawText, RETENTION_INTERVAL_MS } from './store/retention.ts';
import { createSqliteValidatorStore } from './store/validators.ts';
import { createScheduler, type PollOutcome, type ScheduledSource, type Scheduler } from './scheduler/scheduler.ts';
import { createConsoleNotifier } from './notifiers/console.ts';
import { createDispatcher } from './outbox/dispatcher.ts';
import { slackNotifierFactory, responderServiceFactory } from './notifiers/slack-daemon.ts';
import { emailNotifierFactory, digestServiceFactory } from './digest/wiring.ts';
import { connectors as defaultRegistry } from '../connectors/index.ts';
import type { PracticeFacts } from './core/types.ts';
import type { PipelineDeps } from './pipeline.ts';

/** What extra services and notifier factories get. */
export interface DaemonContext {
  db: Db;
  config: Config;
  practice: PracticeFacts;
  configFile: string;
  log: Logger;
  now: () => number;
  env: (name: string) => string | undefined;
  http: HttpClient;
}

export interface Service {
  name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/**
 * Notifiers by channel. Return null when the channel is off in the config. The Slack and e-mail engineers
 * append one line each here (e.g. `(ctx) => (ctx.config.slack.enabled ? createSlackNotifier(ctx) : null)`).
 */
export const notifierFactories: ((ctx: DaemonContext) => Notifier | null)[] = [
  (ctx) => (ctx.config.alerts.console ? createConsoleNotifier() : null),
  (ctx) => slackNotifierFactory(ctx),
  (ctx) => emailNotifierFactory(ctx),
];

/** Extra long-running services (Slack Socket Mode, the digest schedule…): append one line each. */
export const serviceFactories: ((ctx: DaemonContext) => Service | null)[] = [
  (ctx) => responderServiceFactory(ctx),
  (ctx) => digestServiceFactory(ctx),
];

export interface DaemonOptions {
  /** A config file to load, or an already loaded config. */
  configFile?: string;
  loaded?: LoadedConfig;
  registry?: readonly ConnectorDefinition[];
  log?: Logger;
  now?: () => number;
  env?: Record<string, string | undefined>;
  /** Replaces the notifiers built from `notifierFactories` (tests). */
  notifiers?: Notifier[];
  /** Scheduler knobs (tests, demo). */
  jitterMs?: number;
  pollTimeoutMs?: number;
  drainMs?: number;
  analyze?: PipelineDeps['analyze'];
}

export interface Daemon {
  loaded: LoadedConfig;
  db: Db;
  scheduler: Scheduler;
  notifiers: Notifier[];
  /** Starts cron, the dispatcher loop and the services. */
  start(): Promise<void>;
  /** One cycle without cron: poll every source once, then deliver what is due. */
  runOnce(): Promise<{ polls: PollOutcome[]; delivered: number }>;
  /** Idempotent graceful stop. */
  stop(): Promise<void>;
}

export async function createDaemon(opts: DaemonOptions): Promise<Daemon> {
  const log = opts.log ?? createLogger();
  const now = opts.now ?? Date.now;
  const envObj = opts.env ?? process.env;
  const env = (name: string) => envObj[name];
  const registry = opts.registry ?? defaultRegistry;
  const loaded = opts.loaded ?? loadConfig(opts.configFile ?? 'config/practicewatch.yaml', { registry, env: envObj });
  const { config, practice } = loaded;

  const db = openDb(config.storage.path);
  let http: ClosableHttpClient | null = null;
  try {
    const erased = eraseExpiredRawText(db, config.storage.raw_text_retention, now());
    if (erased) log.info({ versions: erased }, 'retention: raw text erased');

    http = createHttpClient({
      userAgent: config.http.user_agent,
      timeoutMs: config.http.timeout,
      maxBodyBytes: config.http.max_body_bytes,
      maxRedirects: config.http.max_redirects,
      retries: config.http.retries,
      perHostIntervalMs: config.http.per_host_interval,
      validators: createSqliteValidatorStore(db, now),
      log,
    });
    const sources = buildSources(config.sources, registry, { http, log, now, env, file: loaded.file });
    const scheduler = createScheduler({
      db,
      config,
      practice,
      log,
      sources,
      now,
      ...(opts.jitterMs !== undefined ? { jitterMs: opts.jitterMs } : {}),
      ...(opts.pollTimeoutMs !== undefined ? { pollTimeoutMs: opts.pollTimeoutMs } : {}),
      ...(opts.analyze ? { analyze: opts.analyze } : {}),
      onItemsFailed: (source) => {
        if (typeof source.url === 'string') db.prepare('DELETE FROM http_validators WHERE url = ?').run(source.url);
      },
    });
    const ctx: DaemonContext = { db, config, practice, configFile: loaded.file, log, now, env, http };
    const notifiers = opts.notifiers ?? notifierFactories.map((f) => f(ctx)).filter((n): n is Notifier => n !== null);
    const dispatcher = createDispatcher({ db, notifiers, log, maxAttempts: config.alerts.max_attempts, now });
    const services = serviceFactories.map((f) => f(ctx)).filter((s): s is Service => s !== null);
    const startedServices: Service[] = [];
    let retentionTimer: NodeJS.Timeout | undefined;
    let stopping: Promise<void> | null = null;
    const httpClient = http;

    return {
      loaded,
      db,
      scheduler,
      notifiers,
      async start() {
        scheduler.start();
        dispatcher.start();
        for (const s of services) {
          await s.start();
          startedServices.push(s);
          log.info({ service: s.name }, 'service started');
        }
        retentionTimer = setInterval(() => {
          try {
            const n = eraseExpiredRawText(db, config.storage.raw_text_retention, now());
            if (n) log.info({ versions: n }, 'retention: raw text erased');
          } catch (err) {
            log.error({ errName: (err as Error).name }, 'retention failed');
          }
        }, RETENTION_INTERVAL_MS);
        retentionTimer.unref();
      },
      async runOnce() {
        const polls = await scheduler.pollAll();
        let delivered = 0;
        for (let i = 0; i < 20; i++) {
          const n = await dispatcher.runOnce();
          delivered += n;
          if (n === 0) break;
        }
        return { polls, delivered };
      },
      stop() {
        stopping ??= (async () => {
          clearInterval(retentionTimer);
          await scheduler.stop(opts.drainMs ?? 10_000);
          await dispatcher.stop();
          for (const s of startedServices.reverse()) {
            try {
              await s.stop();
            } catch (err) {
              log.warn({ service: s.name, errName: (err as Error).name }, 'service stop failed');
            }
          }
          await httpClient.close();
          db.close();
          log.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (err) {
    await http?.close().catch(() => undefined);
    db.close();
    throw err;
  }
}

/** Starts the daemon and runs until SIGINT/SIGTERM. Resolves with the exit code. */
export async function runDaemon(opts: DaemonOptions): Promise<number> {
  const daemon = await createDaemon(opts);
  const log = opts.log ?? createLogger();
  await daemon.start();
  return new Promise<number>((resolve) => {
    const onSignal = (sig: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      log.info({ signal: sig }, 'shutting down');
      daemon.stop().then(
        () => resolve(0),
        (err: unknown) => {
          log.error({ errName: (err as Error).name }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** The connector options of a source: its keys minus the common ones. */
export function connectorOptions(source: SourceConfig, def: ConnectorDefinition): Record<string, unknown> {
  const keys = Object.keys(def.configSchema.shape);
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
}

export function buildSources(
  sources: readonly SourceConfig[],
  registry: readonly ConnectorDefinition[],
  deps: { http: HttpClient; log: Logger; now: () => number; env: (n: string) => string | undefined; file: string },
): ScheduledSource[] {
  const out: ScheduledSource[] = [];
  const problems: string[] = [];
  sources.forEach((source, i) => {
    if (!source.enabled) return;
    const def = registry.find((d) => d.type === source.type);
    if (!def) {
      problems.push(`${deps.file}: sources[${i}].type: unknown source type "${source.type}"`);
      return;
    }
    try {
      const connector = def.create(connectorOptions(source, def) as never, {
        http: sourceHttpClient(deps.http, { respectRobots: source.respect_robots }),
        log: deps.log.child({ source: source.id, connector: def.type }),
        now: () => new Date(deps.now()),
        env: deps.env,
        sourceId: source.id,
      });
      out.push({ source, def, connector });
    } catch (err) {
      if (err instanceof ConfigError) problems.push(`${deps.file}: sources[${i}] (${source.id}): ${err.message}`);
      else throw err;
    }
  });
  if (problems.length) throw new ConfigError(problems.join('\n'), deps.file);
  return out;
}
