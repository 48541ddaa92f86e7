// A local stand-in of the Slack Web API: a real node:http server on 127.0.0.1:0. It records every call (method,
// parsed body, raw body), keeps posted messages per conversation (so history/replies/update behave), and can be
// told to answer the next call(s) of a method with a fault: 429 + Retry-After, Slack's HTML 500 page, an API error
// such as invalid_auth, a hang (the client times out), or "store then hold" (the message is posted but the answer
// never comes: what a crash mid-delivery looks like from the database's side).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

export interface StubCall {
  method: string;
  body: Record<string, unknown>;
  raw: string;
  auth: string | undefined;
}

export interface StubMessage {
  ts: string;
  channel: string;
  text: string;
  blocks?: unknown;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  thread_ts?: string;
  reply_broadcast?: boolean;
}

export type Fault =
  | { kind: 'ratelimit'; retryAfter: number }
  | { kind: 'html500' }
  | { kind: 'error'; error: string }
  | { kind: 'hang' }
  | { kind: 'storeThenHold' };

const HTML_500_FIXTURE = fileURLToPath(
  new URL('../../../shared/data/slack_api_fixtures/python_slack_sdk_fixtures/slack_server_error_page_500.html', import.meta.url),
);
const OWN_500 = '<!DOCTYPE html><html><head><title>Server Error | Slack</title></head><body><h1>Something went wrong</h1></body></html>';

/** Slack's real 500 page when ../shared/data exists, else a look-alike. */
export function html500(): string {
  return existsSync(HTML_500_FIXTURE) ? readFileSync(HTML_500_FIXTURE, 'utf8') : OWN_500;
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if ((type ?? '').includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

export interface SlackStub {
  url: string;
  calls: StubCall[];
  messages: StubMessage[];
  /** Queue a fault for the next call of `method` (or '*': any method), after letting `skip` such calls through. */
  fault(method: string, f: Fault, times?: number, skip?: number): void;
  /** Resolves when `pred()` holds after some call (checked at once and after every call). */
  waitFor(pred: () => boolean): Promise<void>;
  /** Calls of one method. */
  callsOf(method: string): StubCall[];
  /** Socket Mode stand-in: apps.connections.open answers with a ws:// URL on this server. */
  socket: {
    /** Sends one envelope (e.g. { envelope_id, type: 'interactive', payload }) to every connected client. */
    send(envelope: Record<string, unknown>): void;
    /** Text frames the clients sent (acks: { envelope_id }). */
    received: Record<string, unknown>[];
    connections(): number;
  };
  /** Every raw request body joined: for "this never appears anywhere" assertions. */
  allRaw(): string;
  close(): Promise<void>;
}

export async function startSlackStub(opts: { dmChannel?: string } = {}): Promise<SlackStub> {
  const calls: StubCall[] = [];
  const messages: StubMessage[] = [];
  const faults: { method: string; f: Fault; skip: number }[] = [];
  const waiters: { pred: () => boolean; resolve: () => void }[] = [];
  const poke = () => {
    for (const w of waiters.splice(0)) {
      if (w.pred()) w.resolve();
      else waiters.push(w);
    }
  };
  const held = new Set<ServerResponse>();
  let tsCounter = 0;
  const dm = opts.dmChannel ?? 'D0PWTEST1';
  const portOf = () => (server.address() as AddressInfo).port;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  function store(channel: string, b: Record<string, unknown>): StubMessage {
    tsCounter++;
    const m: StubMessage = {
      // Real-looking ts: the current second + a counter (unique, increasing), like Slack's.
      ts: `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`,
      channel,
      text: String(b.text ?? ''),
      blocks: b.blocks,
      metadata: b.metadata as StubMessage['metadata'],
      thread_ts: b.thread_ts ? String(b.thread_ts) : undefined,
      reply_broadcast: b.reply_broadcast === true || b.reply_broadcast === 'true',
    };
    messages.push(m);
    return m;
  }

  function handle(method: string, b: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): void {
    const idx = faults.findIndex((x) => x.method === method || x.method === '*');
    let f: Fault | null = null;
    if (idx >= 0) {
      const entry = faults[idx]!;
      if (entry.skip > 0) entry.skip--;
      else f = faults.splice(idx, 1)[0]!.f;
    }
    if (f?.kind === 'ratelimit') {
      res.writeHead(429, { 'retry-after': String(f.retryAfter), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (f?.kind === 'html500') {
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html500());
      return;
    }
    if (f?.kind === 'error') return send(res, 200, { ok: false, error: f.error });
    if (f?.kind === 'hang') {
      held.add(res);
      req.on('close', () => held.delete(res));
      return;
    }
    const channel = String(b.channel ?? '');
    switch (method) {
      case 'conversations.open':
        return send(res, 200, { ok: true, channel: { id: dm } });
      case 'chat.postMessage': {
        if (!channel) return send(res, 200, { ok: false, error: 'channel_not_found' });
        const m = store(channel, b);
        if (f?.kind === 'storeThenHold') {
          held.add(res);
          req.on('close', () => held.delete(res));
          return;
        }
        return send(res, 200, { ok: true, channel, ts: m.ts, message: { text: m.text, ts: m.ts } });
      }
      case 'chat.update': {
        const m = messages.find((x) => x.channel === channel && x.ts === String(b.ts));
        if (!m) return send(res, 200, { ok: false, error: 'message_not_found' });
        m.text = String(b.text ?? '');
        m.blocks = b.blocks;
        return send(res, 200, { ok: true, channel, ts: m.ts, text: m.text });
      }
      case 'conversations.history': {
        const oldest = Number(b.oldest ?? 0);
        const list = messages
          .filter((x) => x.channel === channel && (!x.thread_ts || x.reply_broadcast) && Number(x.ts) >= oldest)
          .slice()
          .reverse();
        return send(res, 200, { ok: true, messages: list, has_more: false, response_metadata: { next_cursor: '' } });
      }
      case 'conversations.replies': {
        const ts = String(b.ts ?? '');
        const list = messages.filter((x) => x.channel === channel && (x.ts === ts || x.thread_ts === ts));
        return send(res, 200, { ok: true, messages: list, has_more: false, response_metadata: { next_cursor: '' } });
      }
      case 'apps.connections.open':
        return send(res, 200, { ok: true, url: `ws://127.0.0.1:${portOf()}/link/?ticket=t` });
      case 'auth.test':
        return send(res, 200, { ok: true, user_id: 'UBOT', team_id: 'T0PW' });
      default:
        return send(res, 200, { ok: false, error: 'unknown_method' });
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const method = decodeURIComponent((req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '');
      const body = parseBody(raw, req.headers['content-type']);
      calls.push({ method, body, raw, auth: req.headers.authorization });
      handle(method, body, req, res);
      poke();
    });
  });
  // A minimal RFC 6455 server: handshake, unmasked text frames out, masked frames in, ping → pong, close → close.
  const sockets = new Set<Duplex>();
  const received: Record<string, unknown>[] = [];
  const frame = (opcode: number, payload: Buffer) => {
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 255]) : (() => {
      const b = Buffer.alloc(10);
      b[0] = 0x80 | opcode;
      b[1] = 127;
      b.writeBigUInt64BE(BigInt(len), 2);
      return b;
    })();
    return Buffer.concat([head, payload]);
  };
  server.on('upgrade', (req, socket) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (buf.length < 2) return;
        const opcode = buf[0]! & 0x0f;
        let len = buf[1]! & 0x7f;
        let off = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          off = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          off = 10;
        }
        const masked = (buf[1]! & 0x80) !== 0;
        const total = off + (masked ? 4 : 0) + len;
        if (buf.length < total) return;
        const mask = masked ? buf.subarray(off, off + 4) : null;
        const data = Buffer.from(buf.subarray(off + (masked ? 4 : 0), total));
        if (mask) for (let i = 0; i < data.length; i++) data[i]! ^= mask[i % 4]!;
        buf = buf.subarray(total);
        if (opcode === 0x1) {
          try {
            received.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>);
          } catch {
            // ignore
          }
          poke();
        } else if (opcode === 0x9) socket.write(frame(0xa, data));
        else if (opcode === 0x8) {
          socket.end(frame(0x8, data));
          sockets.delete(socket);
          poke();
        }
      }
    });
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stub' }, connection_info: { app_id: 'A0PWAPP' } }))));
    poke();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    messages,
    fault(method, f, times = 1, skip = 0) {
      for (let i = 0; i < times; i++) faults.push({ method, f, skip: i === 0 ? skip : 0 });
    },
    socket: {
      send(envelope) {
        for (const so of sockets) so.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
      },
      received,
      connections: () => sockets.size,
    },
    waitFor(pred) {
      if (pred()) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ pred, resolve }));
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    allRaw: () => calls.map((c) => decodeURIComponent(c.raw.replace(/\+/g, ' '))).join('\n'),
    async close() {
      for (const r of held) r.destroy();
      for (const so of sockets) so.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
