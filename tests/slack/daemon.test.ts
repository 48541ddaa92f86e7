// The real daemon (feed → store → analyze → outbox → dispatcher → Slack notifier) against the Slack stand-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.ts';
import { createDaemon } from '../../src/daemon.ts';
import type { Analysis, DetectorInput, Entity, EntityType } from '../../src/core/types.ts';
import { configText, tempDir } from '../helpers/backbone.ts';
import { startServer } from '../helpers/http-server.ts';
import { startSlackStub } from '../helpers/slack-stub.ts';
import { capturedLog, HOSTILE, PLANTED } from './_helpers.ts';

const post = (extra: string) =>
  `${PLANTED.name} from the front desk told the waiting room about my ${PLANTED.diagnosis} results. Call me: ${PLANTED.phone} <!channel> <@U123>${extra}`;
const feed = (text: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://127.0.0.1/</link>
<item><guid>c1</guid><title>Comment</title><description>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description></item></channel></rss>`;

// Deterministic analysis: a critical PHI flag and the planted spans as entities (what the entity finder would return).
const analyze = (i: DetectorInput): Analysis => {
  const span = (s: string, type: EntityType): Entity[] => (i.text.includes(s) ? [{ type, start: i.text.indexOf(s), end: i.text.indexOf(s) + s.length }] : []);
  return {
    flags: [{ category: 'phi', severity: 'critical', code: 'phi.third_party', reason: 'names a person together with a health condition' }],
    entities: [...span(PLANTED.name, 'person'), ...span(PLANTED.diagnosis, 'health'), ...span(PLANTED.phone, 'phone')],
  };
};

test('daemon → Slack: one masked, escaped alert via a DM; an edit updates it in place; nothing leaks to logs', async () => {
  let body = feed(post(''));
  const server = await startServer({ '/feed': (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(body); } });
  const stub = await startSlackStub();
  const t = tempDir();
  const cap = capturedLog();
  try {
    const loaded = parseConfig(
      configText(
        `  - id: blog\n    type: rss\n    url: ${server.url('/feed')}\n`,
        `storage:\n  path: ${join(t.dir, 'pw.db')}\nhttp:\n  per_host_interval: 0s\n  retries: 0\nslack:\n  enabled: true\n  api_url: ${stub.url}\n  socket_mode: false\n`,
      ).replace('  email: manager@maplegrove.example', '  email: manager@maplegrove.example\n  slack_user_id: U0RESPOND'),
      't.yaml',
      { env: { SLACK_BOT_TOKEN: 'xoxb-daemon' } },
    );
    const d = await createDaemon({ loaded, log: cap.log, analyze, jitterMs: 0, env: { SLACK_BOT_TOKEN: 'xoxb-daemon' } });
    let r = await d.runOnce();
    assert.ok(r.delivered >= 1);
    const posts = stub.callsOf('chat.postMessage');
    assert.equal(posts.length, 1);
    assert.equal(posts[0]!.body.channel, 'D0PWTEST1');
    assert.equal(stub.callsOf('conversations.open')[0]!.body.users, 'U0RESPOND');
    assert.match(JSON.stringify(posts[0]!.body.blocks), /\[name\] from the front desk/);

    body = feed(post(' Still waiting for a call back.'));
    r = await d.runOnce();
    await d.stop();
    assert.equal(stub.callsOf('chat.postMessage').filter((c) => !c.body.thread_ts).length, 1, 'the edit is not a new alert');
    assert.equal(stub.callsOf('chat.update').length, 1);
    assert.match(JSON.stringify(stub.callsOf('chat.update')[0]!.body.blocks), /Still waiting for a call back/);

    const everything = stub.allRaw() + cap.lines.join('');
    for (const s of Object.values(PLANTED)) assert.ok(!everything.includes(s), `${s} leaked`);
    for (const h of HOSTILE) assert.ok(!stub.allRaw().includes(h), `${h} survived`);
  } finally {
    await stub.close();
    await server.close();
    t.cleanup();
  }
});
