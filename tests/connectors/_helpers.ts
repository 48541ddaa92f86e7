// Shared bits for connector tests: a context around a real HTTP client, and a one-shot poll.
import { pino } from 'pino';
import type { ConnectorContext, ConnectorDefinition, PollResult } from '../../src/core/connector.ts';
import { createHttpClient, createMemoryValidatorStore, type HttpClientOptions } from '../../src/http/client.ts';

export function testHttp(over: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: 'PracticeWatch/0.1 (+https://example.org/bot)',
    timeoutMs: 5_000,
    maxBodyBytes: 5 * 1024 * 1024,
    maxRedirects: 3,
    retries: 1,
    perHostIntervalMs: 0,
    validators: createMemoryValidatorStore(),
    sleep: async () => undefined,
    ...over,
  });
}

export function testCtx(http: ConnectorContext['http'], sourceId = 'test-source'): ConnectorContext {
  return {
    http,
    log: pino({ level: 'silent' }),
    now: () => new Date('2026-11-03T12:00:00Z'),
    env: () => undefined,
    sourceId,
  };
}

/** Parse `options` with the connector's schema, create it and poll once. */
export async function pollOnce(
  def: ConnectorDefinition,
  options: Record<string, unknown>,
  http: ConnectorContext['http'],
): Promise<PollResult> {
  const config = def.configSchema.parse(options);
  const c = def.create(config, testCtx(http));
  return c.poll({ signal: new AbortController().signal });
}
