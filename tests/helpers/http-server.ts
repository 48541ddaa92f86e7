// A real node:http server on 127.0.0.1, port 0, for connector and HTTP-client tests. Records every request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void | Promise<void>;

/** A canned answer; `body` may be a string or bytes. */
export interface Canned {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  url(path: string): string;
  requests: RecordedRequest[];
  /** Requests to one path (without query). */
  hits(path: string): RecordedRequest[];
  /** Add or replace a route. */
  route(path: string, h: Handler | Canned): void;
  close(): Promise<void>;
}

export function send(res: ServerResponse, c: Canned): void {
  res.writeHead(c.status ?? 200, c.headers ?? {});
  res.end(c.body ?? '');
}

/**
 * Routes are matched on the path without the query string; unknown paths get 404 (so robots.txt is
 * "absent" unless a test adds it). A handler gets the 1-based count of hits on its path.
 */
export async function startServer(routes: Record<string, Handler | Canned> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const h = table.get(path);
    if (!h) return send(res, { status: 404, body: 'not found' });
    if (typeof h === 'function') {
      Promise.resolve(h(req, res, n)).catch(() => {
        if (!res.headersSent) send(res, { status: 500 });
        else res.destroy();
      });
    } else send(res, h);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => origin + p,
    requests,
    hits: (p) => requests.filter((r) => r.path.split('?')[0] === p),
    route: (p, h) => void table.set(p, h),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
