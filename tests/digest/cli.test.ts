// `practicewatch digest`: spawns the real binary against a seeded DB and a local SMTP server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { PLANTED, seed, seedWithSmtp, writeConfig } from './_seed.ts';

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, '', { env });

test('digest --dry-run writes HTML + text without sending; --send sends once per week', async (t) => {
  const { s, smtp } = await seedWithSmtp(t);
  s.db.close();
  const config = writeConfig(s.dir, s.dbPath, smtp.port);
  const out = join(s.dir, 'out', 'digest.html');

  const dry = await cli(['digest', '--dry-run', '--week', '2026-W47', '--config', config, '--out', out]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^wrote .*digest\.html and .*digest\.txt \(week 2026-W47: 5 new, 4 flagged, 3 open; not sent\)\n$/);
  const html = readFileSync(out, 'utf8');
  const text = readFileSync(join(s.dir, 'out', 'digest.txt'), 'utf8');
  assert.match(html, /Weekly digest 2026-W47/);
  assert.match(text, /STILL OPEN/);
  for (const p of PLANTED) assert.ok(!html.includes(p) && !text.includes(p));
  assert.equal(smtp.messages.length, 0);

  const send = await cli(['digest', '--send', '--week', '2026-W47', '--config', config]);
  assert.equal(send.code, 0, send.stderr);
  assert.equal(send.stdout, 'sent the digest for 2026-W47 to 2 recipients\n');
  const again = await cli(['digest', '--send', '--week', '2026-W47', '--config', config]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /already sent .*not sending it twice/);
  assert.equal(smtp.messages.length, 1);
  assert.deepEqual(smtp.messages[0]!.to, ['manager@maplegrove.example', 'owner@maplegrove.example']);
});

test('digest: clear one-line errors', async (t) => {
  const s = seed();
  t.after(s.cleanup);
  s.db.close();
  const config = writeConfig(s.dir, s.dbPath, 1);
  const bad = await cli(['digest', '--dry-run', '--week', '2026-W60', '--config', config]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'practicewatch digest: --week "2026-W60" is not an ISO week such as 2026-W47\n');
  const both = await cli(['digest', '--config', config]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /^practicewatch digest: choose exactly one of --dry-run and --send\n/);
  const nodbConfig = join(s.dir, 'nodb.yaml');
  writeFileSync(nodbConfig, readFileSync(config, 'utf8').replace(s.dbPath, join(s.dir, 'missing.db')));
  const missing = await cli(['digest', '--dry-run', '--config', nodbConfig]);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, `practicewatch digest: no database at ${join(s.dir, 'missing.db')} yet: start the daemon first (practicewatch start)\n`);
  // SMTP down: the digest stays queued, exit 1, one line.
  const down = await cli(['digest', '--send', '--week', '2026-W47', '--config', config]);
  assert.equal(down.code, 1);
  assert.match(down.stderr, /^practicewatch digest: the digest for 2026-W47 was not delivered yet \(SMTP E[A-Z]+: could not reach the SMTP server\); it stays queued and the daemon retries it\n$/);
  assert.ok(!existsSync(join(s.dir, 'missing.db')));
});
