// The connector plugin contract. A connector knows nothing of detectors, the store or Slack.
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { HttpClient } from '../http/types.ts';
import type { RawItem } from './types.ts';

export interface ConnectorContext {
  /** The shared HTTP client (timeouts, retries, body cap, conditional GET, robots.txt). */
  http: HttpClient;
  log: Logger;
  now: () => Date;
  /** Reads a secret by environment-variable name. */
  env: (name: string) => string | undefined;
  sourceId: string;
}

export interface PollResult {
  items: RawItem[];
  /** The source answered 304 / unchanged body: nothing to store, nothing to infer. */
  notModified?: boolean;
}

export interface Connector {
  /** One poll. Idempotent. Returns the current window of items; never filters "already seen". */
  poll(input: { signal: AbortSignal }): Promise<PollResult>;
}

export interface ConnectorDefinition<S extends z.ZodObject = z.ZodObject> {
  /** YAML `type:` value; equals the file name in connectors/. */
  readonly type: string;
  readonly title: string;
  /** Markdown; goes into connectors/README.md. */
  readonly description: string;
  /** Options of ONE source of this type (without the common keys id/type/schedule/owned/...). Strict. */
  readonly configSchema: S;
  /** A complete valid example of the options: docs, the example config, the contract test. */
  readonly example: z.input<S>;
  /** Secrets this connector reads, by environment-variable name. */
  readonly env?: readonly { name: string; description: string; optional?: boolean }[];
  /** Cron expression used when a source sets no `schedule`. */
  readonly defaultSchedule: string;
  /** Validate-and-build. Throws ConfigError for semantic problems. No network here. */
  create(config: z.output<S>, ctx: ConnectorContext): Connector;
}

export function defineConnector<S extends z.ZodObject>(def: ConnectorDefinition<S>): ConnectorDefinition<S> {
  return def;
}
