// The daemon wiring: with email.enabled the digest service enqueues the due week at startup and the daemon's own
// dispatcher delivers it through the e-mail notifier; a second daemon start on the same DB sends nothing more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as tick } from 'node:timers/promises';
import { createDaemon } from '../../src/daemon.ts';
import { silentLog } from '../helpers/backbone.ts';
import { NOW, seedWithSmtp, writeConfig } from './_seed.ts';

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick(20); // polling for an event of the running daemon, not a timing assertion
  }
}

test('daemon start → digest enqueued and e-mailed once; a restart does not send it again', async (t) => {
  const { s, smtp } = await seedWithSmtp(t);
  s.db.close();
  const configFile = writeConfig(s.dir, s.dbPath, smtp.port);
  for (let run = 0; run < 2; run++) {
    const daemon = await createDaemon({ configFile, log: silentLog, now: () => NOW, env: {} });
    await daemon.start();
    if (run === 0) await until(() => smtp.messages.length === 1, 'the digest e-mail');
    else await daemon.runOnce();
    const row = daemon.db.prepare(`SELECT status FROM outbox WHERE idempotency_key = 'digest:2026-W47'`).get() as { status: string } | undefined;
    if (run === 0) await until(() => (daemon.db.prepare(`SELECT status FROM outbox WHERE idempotency_key = 'digest:2026-W47'`).get() as { status: string }).status === 'sent', 'sent');
    else assert.equal(row?.status, 'sent');
    await daemon.stop();
  }
  assert.equal(smtp.messages.length, 1);
  assert.match(smtp.messages[0]!.parsed.subject ?? '', /^Weekly digest 2026-W47/);
});
