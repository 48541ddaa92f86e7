// Serves the bundled demo pages (demo/) on 127.0.0.1, port 0. `{{origin}}` in a file becomes the server's address.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'demo');

const ROUTES: Record<string, { file: string; type: string }> = {
  '/blog/feed.xml': { file: 'blog-feed.xml', type: 'application/rss+xml; charset=utf-8' },
  '/reviews': { file: 'reviews.html', type: 'text/html; charset=utf-8' },
  '/directory/maple-grove': { file: 'directory.html', type: 'text/html; charset=utf-8' },
  '/robots.txt': { file: 'robots.txt', type: 'text/plain; charset=utf-8' },
};

export interface DemoServer {
  origin: string;
  urls: { feed: string; reviews: string; directory: string };
  close(): Promise<void>;
}

export async function startDemoServer(host = '127.0.0.1', port = 0): Promise<DemoServer> {
  let origin = '';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = ROUTES[path];
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = readFileSync(join(DEMO_DIR, route.file), 'utf8').replaceAll('{{origin}}', origin);
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-cache' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urls: { feed: `${origin}/blog/feed.xml`, reviews: `${origin}/reviews`, directory: `${origin}/directory/maple-grove` },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
