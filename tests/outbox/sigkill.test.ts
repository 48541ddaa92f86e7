// No alert lost and none doubled when the process delivering it is killed with SIGKILL mid-delivery and restarted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { openDb } from '../../src/store/db.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { startSlackStub, type Fault } from '../helpers/slack-stub.ts';
import { alertPayload, seedItem } from '../slack/_helpers.ts';

const CHILD = fileURLToPath(new URL('./_dispatch-child.ts', import.meta.url));
const N = 5;

function runChild(dbFile: string, url: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, PW_DB: dbFile, PW_SLACK_URL: url, PRACTICEWATCH_TEST: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += String(c)));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, stderr: () => stderr };
}

for (const [name, fault] of [
  ['the post reached Slack, the answer never came', { kind: 'storeThenHold' }],
  ['the request reached Slack but nothing was posted', { kind: 'hang' }],
] as [string, Fault][]) {
  test(`SIGKILL mid-delivery (${name}), restart: every alert posted exactly once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-kill-'));
    const stub = await startSlackStub();
    try {
      const dbFile = join(dir, 'pw.db');
      const db = openDb(dbFile);
      for (let i = 1; i <= N; i++) {
        seedItem(db, i);
        enqueue(db, { key: `alert:v${i}:slack`, channel: 'slack', kind: 'alert', itemId: i, versionId: i, payload: alertPayload({ itemId: i, versionId: i }), now: Date.now() - 1000 });
      }
      db.close();
      // The third postMessage is held: after two deliveries the child is mid-flight on the third.
      stub.fault('chat.postMessage', fault, 1, 2);
      const first = runChild(dbFile, stub.url);
      await stub.waitFor(() => stub.callsOf('chat.postMessage').length === 3);
      first.child.kill('SIGKILL');
      const [, signal] = await first.exited;
      assert.equal(signal, 'SIGKILL');

      const mid = openDb(dbFile);
      const counts = Object.fromEntries(
        (mid.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
      );
      mid.close();
      assert.deepEqual(counts, { sent: 2, sending: 1, pending: N - 3 }, 'killed with one row mid-delivery');

      const second = runChild(dbFile, stub.url);
      const [code] = await second.exited;
      assert.equal(code, 0, second.stderr());

      const keys = stub.messages.map((m) => String(m.metadata?.event_payload?.key));
      assert.equal(keys.length, N, 'no alert doubled');
      assert.deepEqual([...new Set(keys)].sort(), Array.from({ length: N }, (_, i) => `alert:v${i + 1}:slack`).sort(), 'no alert lost');
      const after = openDb(dbFile);
      const rows = after.prepare('SELECT idempotency_key, status, external_ref FROM outbox ORDER BY id').all() as { idempotency_key: string; status: string; external_ref: string }[];
      after.close();
      for (const r of rows) {
        assert.equal(r.status, 'sent');
        const m = stub.messages.find((x) => x.metadata?.event_payload?.key === r.idempotency_key)!;
        assert.equal(r.external_ref, `C0PRIVATE:${m.ts}`, 'the row points at the one message');
      }
      assert.ok(stub.callsOf('conversations.history').length >= 1, 'the interrupted row was looked up before re-sending');
    } finally {
      await stub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
