// The one HTTP client every connector uses: undici Agent (connect/headers/body timeouts, keep-alive) plus a
// small request loop written here rather than undici's interceptors, because this loop needs things they
// don't give: the final URL after redirects (connectors resolve relative links against it), a robots.txt
// and politeness check on every redirect hop, an injected clock/sleep (tests assert Retry-After without
// waiting), a Retry-After cap that turns "come back in an hour" into an error for the scheduler instead of a
// stalled poll, and a body cap applied AFTER decompression (undici's decompress interceptor is experimental
// and warns on load). There is exactly one retry layer: `fetchWithRetries` below.
import { Agent, request, type Dispatcher } from 'undici';
import { setTimeout as sleepTimer } from 'node:timers/promises';
import { STATUS_CODES } from 'node:http';
import type { Logger } from 'pino';
import {
  HttpStatusError,
  PracticeWatchError,
  RobotsDisallowedError,
  SourceAuthError,
  SourceError,
} from '../core/errors.ts';
import type { HttpClient, HttpGetOptions, HttpResponse, ValidatorStore } from './types.ts';
import { decodeBody } from './charset.ts';
import { decompress } from './decompress.ts';
import { RobotsCache, userAgentToken } from './robots.ts';
import { describe, formatBytes } from './url.ts';

export interface HttpClientOptions {
  userAgent: string;
  /** Whole-request deadline for one attempt (connect + headers + body). */
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  /** Extra attempts for GET after a retryable status (408/425/429/5xx) or network error. */
  retries: number;
  /** Minimum gap between the starts of two requests to the same host. */
  perHostIntervalMs: number;
  validators?: ValidatorStore;
  /** Honour robots.txt for `scraped: true` requests. Default true. */
  respectRobots?: boolean;
  log?: Logger;
  /** Longest Retry-After waited inside one call; longer → HttpStatusError with retryAfterMs. Default min(30 s, timeoutMs). */
  maxRetryAfterMs?: number;
  /** First backoff delay; doubles per attempt. Default 500 ms. */
  retryBaseMs?: number;
  /** How long a robots.txt is trusted. Default 1 h. */
  robotsTtlMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  dispatcher?: Dispatcher;
}

export interface ClosableHttpClient extends HttpClient {
  close(): Promise<void>;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const RETRYABLE_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024;

class AttemptTimeout extends Error {}

export function createHttpClient(opts: HttpClientOptions): ClosableHttpClient {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number, signal?: AbortSignal) => sleepTimer(ms, undefined, { signal }));
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? Math.min(30_000, opts.timeoutMs);
  const retryBaseMs = opts.retryBaseMs ?? 500;
  const respectRobots = opts.respectRobots ?? true;
  const ownAgent = opts.dispatcher
    ? null
    : new Agent({
        connect: { timeout: opts.timeoutMs },
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
        keepAliveTimeout: 4_000,
      });
  const dispatcher = opts.dispatcher ?? ownAgent!;
  const nextSlot = new Map<string, number>();
  const log = opts.log;

  const robots = new RobotsCache(
    async (robotsUrl, signal) => {
      try {
        const r = await get(robotsUrl, { signal, conditional: false, maxBytes: ROBOTS_MAX_BYTES, accept: 'text/plain' });
        return { status: r.status, body: r.body };
      } catch (err) {
        // Any 4xx robots.txt means "no rules"; 5xx and network errors propagate.
        if (err instanceof SourceAuthError) return { status: 403, body: '' };
        if (err instanceof HttpStatusError && err.status >= 400 && err.status < 500) return { status: err.status, body: '' };
        throw err;
      }
    },
    userAgentToken(opts.userAgent),
    opts.robotsTtlMs ?? 3_600_000,
    now,
  );

  /** Reserve the next free slot for this host and wait for it (politeness). */
  async function polite(host: string, signal?: AbortSignal): Promise<void> {
    if (opts.perHostIntervalMs <= 0) return;
    const t = now();
    const slot = Math.max(t, nextSlot.get(host) ?? 0);
    nextSlot.set(host, slot + opts.perHostIntervalMs);
    if (slot > t) await sleep(slot - t, signal);
  }

  async function once(url: string, headers: Record<string, string>, maxBytes: number, signal?: AbortSignal): Promise<RawResponse> {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new AttemptTimeout()), opts.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, ac.signal]) : ac.signal;
    try {
      const res = await request(url, { method: 'GET', headers, signal: combined, dispatcher });
      const h = flatten(res.headers);
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump().catch(() => undefined);
        return { status: res.statusCode, headers: h, bytes: new Uint8Array() };
      }
      const tooLarge = () => new SourceError(describe('GET', url, `response larger than ${formatBytes(maxBytes)}`), false);
      if (Number(h['content-length']) > maxBytes) {
        res.body.destroy();
        throw tooLarge();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(); // leaving the loop destroys the stream
        chunks.push(chunk);
      }
      const bytes = await decompress(Buffer.concat(chunks), h['content-encoding'], maxBytes, url, tooLarge);
      return { status: res.statusCode, headers: h, bytes };
    } catch (err) {
      if (err instanceof PracticeWatchError) throw err;
      if (ac.signal.aborted || TIMEOUT_CODES.has(errCode(err) ?? '')) {
        throw new SourceError(describe('GET', url, `timed out after ${formatMs(opts.timeoutMs)}`), true, { cause: err });
      }
      if (signal?.aborted) throw new SourceError(describe('GET', url, 'aborted'), true, { cause: err });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async function fetchWithRetries(url: string, headers: Record<string, string>, maxBytes: number, signal?: AbortSignal): Promise<RawResponse> {
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      await polite(host, signal).catch((err) => {
        throw new SourceError(describe('GET', url, 'aborted'), true, { cause: err });
      });
      let res: RawResponse;
      try {
        res = await once(url, headers, maxBytes, signal);
      } catch (err) {
        if (err instanceof PracticeWatchError) throw err;
        const code = errCode(err) ?? 'network error';
        if (attempt < opts.retries && RETRYABLE_CODES.has(code)) {
          const delayMs = retryBaseMs * 2 ** attempt;
          log?.warn({ host, code, attempt: attempt + 1, delayMs }, 'http: retrying after network error');
          await wait(delayMs, url, signal);
          continue;
        }
        throw new SourceError(describe('GET', url, code), RETRYABLE_CODES.has(code), { cause: err });
      }
      if (!RETRYABLE_STATUS.has(res.status) || attempt >= opts.retries) return res;
      const retryAfter = parseRetryAfter(res.headers['retry-after'], now());
      if (retryAfter !== null && retryAfter > maxRetryAfterMs) return res; // the scheduler waits, not this poll
      const delayMs = retryAfter ?? retryBaseMs * 2 ** attempt;
      log?.warn({ host, status: res.status, attempt: attempt + 1, delayMs }, 'http: retrying after status');
      await wait(delayMs, url, signal);
    }
  }

  async function wait(ms: number, url: string, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (err) {
      throw new SourceError(describe('GET', url, 'aborted'), true, { cause: err });
    }
  }

  async function get(url: string, o: HttpGetOptions = {}): Promise<HttpResponse> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new SourceError(describe('GET', url, 'invalid URL'), false);
    }
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new SourceError(describe('GET', url, `unsupported protocol ${current.protocol}`), false);
    }
    const maxBytes = o.maxBytes ?? opts.maxBodyBytes;
    const conditional = o.conditional !== false && opts.validators !== undefined;
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept: o.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
      ...lowerKeys(o.headers ?? {}),
    };
    const saved = conditional ? opts.validators!.get(url) : undefined;
    if (saved?.etag) headers['if-none-match'] = saved.etag;
    if (saved?.lastModified) headers['if-modified-since'] = saved.lastModified;

    for (let hop = 0; ; hop++) {
      if (o.scraped && respectRobots && !(await robots.isAllowed(current.toString(), o.signal))) {
        throw new RobotsDisallowedError(
          describe('GET', current.toString(), 'disallowed by robots.txt (set respect_robots: false on the source to override)'),
        );
      }
      const res = await fetchWithRetries(current.toString(), headers, maxBytes, o.signal);
      const location = res.headers['location'];
      if (REDIRECTS.has(res.status) && location) {
        if (hop >= opts.maxRedirects) throw new SourceError(describe('GET', url, `too many redirects (more than ${opts.maxRedirects})`), false);
        const next = new URL(location, current);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new SourceError(describe('GET', url, `redirect to unsupported protocol ${next.protocol}`), false);
        }
        if (next.origin !== current.origin) {
          delete headers['authorization'];
          delete headers['cookie'];
        }
        current = next;
        continue;
      }
      const finalUrl = current.toString();
      if (res.status === 304) return { status: 304, url: finalUrl, headers: res.headers, body: '', notModified: true };
      if (res.status < 200 || res.status >= 300) throw statusError(finalUrl, res);
      if (conditional && res.status === 200) {
        const etag = res.headers['etag'];
        const lastModified = res.headers['last-modified'];
        if (etag || lastModified) opts.validators!.set(url, { etag, lastModified });
      }
      log?.debug({ host: current.host, status: res.status, bytes: res.bytes.length, redirects: hop }, 'http: fetched');
      return {
        status: res.status,
        url: finalUrl,
        headers: res.headers,
        body: decodeBody(res.bytes, res.headers['content-type']),
        notModified: false,
      };
    }
  }

  function statusError(url: string, res: RawResponse): SourceError {
    const what = `${res.status} ${STATUS_CODES[res.status] ?? 'Unknown Status'}`;
    if (res.status === 401 || res.status === 403) return new SourceAuthError(describe('GET', url, what));
    const retryAfter = parseRetryAfter(res.headers['retry-after'], now());
    return new HttpStatusError(describe('GET', url, what), res.status, retryAfter ?? undefined);
  }

  return {
    get,
    async close() {
      await ownAgent?.close();
    },
  };
}

/** A view of a client for one source: `respect_robots: false` turns robots.txt off for that source only. */
export function sourceHttpClient(client: HttpClient, source: { respectRobots: boolean }): HttpClient {
  if (source.respectRobots) return client;
  return { get: (url, o) => client.get(url, { ...o, scraped: false }) };
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - nowMs);
}

function flatten(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function errCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

export { createMemoryValidatorStore } from './validators.ts';
