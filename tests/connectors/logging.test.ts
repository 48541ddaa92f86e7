// Connectors and the HTTP client log ids, codes and counts only: item text and author names never reach the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { connectors } from '../../connectors/index.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { startServer, send } from '../helpers/http-server.ts';

const TEXT = 'SENTINELTEXT-Zq81';
const AUTHOR = 'SENTINELAUTHOR-Kx27';
const PAGES: Record<string, { path: string; body: string; options: Record<string, unknown> }> = {
  rss: {
    path: '/feed',
    body: `<rss version="2.0"><channel><title>t</title><link>https://x.example.com/</link><item><title>${TEXT}</title><author>${AUTHOR}</author><guid>g</guid><description>${TEXT}</description></item></channel></rss>`,
    options: {},
  },
  'html-page': {
    path: '/page',
    body: `<div class="r"><b>${AUTHOR}</b><p>${TEXT}</p></div>`,
    options: { item: '.r', author: 'b', text: 'p' },
  },
  'structured-data': {
    path: '/sd',
    body: `<script type="application/ld+json">{"@type":"Dentist","name":"D","review":{"@type":"Review","author":"${AUTHOR}","reviewBody":"${TEXT}"}}</script><script type="application/ld+json">{broken</script>`,
    options: {},
  },
};

test('no item text or author name in debug-level logs of any connector or the HTTP client', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
  const log = pino({ level: 'debug' }, sink);
  const s = await startServer({
    '/flaky': (_q, res, n) => send(res, n === 1 ? { status: 503 } : { body: 'ok' }),
  });
  const http = createHttpClient({
    userAgent: 'PracticeWatch/0.1', timeoutMs: 5000, maxBodyBytes: 1 << 20, maxRedirects: 2, retries: 1,
    perHostIntervalMs: 0, log, sleep: async () => undefined,
  });
  try {
    await http.get(s.url('/flaky'));
    for (const def of connectors) {
      const p = PAGES[def.type];
      assert.ok(p, `a logging case for ${def.type}`);
      s.route(p.path, { body: p.body });
      const config = def.configSchema.parse({ ...p.options, url: s.url(p.path) });
      const ctx = { http, log: log.child({ connector: def.type }), now: () => new Date(), env: () => undefined, sourceId: 's1' };
      const { items } = await def.create(config, ctx).poll({ signal: new AbortController().signal });
      assert.ok(items.some((i) => i.text.includes(TEXT)), `${def.type} read the sentinel`);
    }
  } finally {
    await http.close();
    await s.close();
  }
  const all = lines.join('');
  assert.ok(lines.length >= 4, 'something was logged');
  assert.ok(!all.includes(TEXT) && !all.includes(AUTHOR), 'sentinels never logged');
});
