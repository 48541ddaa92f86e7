// Shared bits of the backbone CLI commands: one-off HTTP client, one-off connector, item JSON lines, errors.
import type { Logger } from 'pino';
import { httpSchema } from '../config/schema.ts';
import type { Config, SourceConfig } from '../config/load.ts';
import type { Connector, ConnectorDefinition } from '../core/connector.ts';
import { PracticeWatchError } from '../core/errors.ts';
import type { RawItem } from '../core/types.ts';
import { createHttpClient, createMemoryValidatorStore, sourceHttpClient, type ClosableHttpClient } from '../http/client.ts';
import { connectorOptions } from '../daemon.ts';

/** An HTTP client for one command run: validators in memory, so nothing is stored. */
export function oneOffHttpClient(http: Config['http'] | undefined, log: Logger): ClosableHttpClient {
  const h = http ?? httpSchema.parse({});
  return createHttpClient({
    userAgent: h.user_agent,
    timeoutMs: h.timeout,
    maxBodyBytes: h.max_body_bytes,
    maxRedirects: h.max_redirects,
    retries: Math.min(h.retries, 1),
    perHostIntervalMs: 0,
    validators: createMemoryValidatorStore(),
    log,
  });
}

export function oneOffConnector(def: ConnectorDefinition, source: SourceConfig, http: ClosableHttpClient, log: Logger): Connector {
  return def.create(connectorOptions(source, def) as never, {
    http: sourceHttpClient(http, { respectRobots: source.respect_robots }),
    log: log.child({ source: source.id, connector: def.type }),
    now: () => new Date(),
    env: (n) => process.env[n],
    sourceId: source.id,
  });
}

/** EXACTLY these fields, in this order: a contract others script against. */
export function itemJson(i: RawItem): string {
  return JSON.stringify({
    externalId: i.externalId,
    kind: i.kind,
    url: i.url ?? null,
    author: i.author ?? null,
    title: i.title ?? null,
    text: i.text,
    rating: i.rating ?? null,
    publishedAt: i.publishedAt ?? null,
  });
}

/** One line, PHI-free: our own error messages, else only the error's class name. */
export function oneLine(err: unknown): string {
  if (err instanceof PracticeWatchError) return err.message.split('\n')[0]!;
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) return 'timed out';
  return `unexpected error (${err instanceof Error ? err.name : typeof err})`;
}

export function fail(cmd: string, msg: string): number {
  process.stderr.write(`practicewatch ${cmd}: ${msg}\n`);
  return 1;
}

/** Writes to stdout and resolves once flushed (so piping into `head` etc. works). */
export function out(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
