// practicewatch digest --dry-run [--week YYYY-Www] [--out FILE.html] [--config FILE]
// practicewatch digest --send [--week YYYY-Www] [--config FILE]
// --dry-run renders the weekly digest to FILE.html + FILE.txt without touching the outbox. --send enqueues the
// week's digest (key digest:<week>, the same row the daemon writes) and delivers it now through the outbox and the
// e-mail notifier, so a week's digest is still sent once however often this is run.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type LoadedConfig } from '../../config/load.ts';
import { PracticeWatchError } from '../../core/errors.ts';
import { buildDigest, digestKey, digestRecipients, enqueueDigest } from '../../digest/schedule.ts';
import { emailNotifierFromConfig } from '../../digest/wiring.ts';
import { formatWeek, lastCompletedWeek, parseWeek, type IsoWeek } from '../../digest/week.ts';
import { createLogger } from '../../log.ts';
import { createDispatcher } from '../../outbox/dispatcher.ts';
import { openDb, type Db } from '../../store/db.ts';

export const summary = 'digest --dry-run|--send [--week YYYY-Www] [--out FILE.html]: render or send the weekly digest e-mail';

const USAGE = `usage: practicewatch digest --dry-run [--week YYYY-Www] [--out FILE.html] [--config FILE]
       practicewatch digest --send [--week YYYY-Www] [--config FILE]
  --dry-run  render to FILE.html and FILE.txt (default digest-<week>.html); nothing is sent
  --send     enqueue the week's digest and deliver it now (once per week: a sent digest is not sent again)
  --week     ISO week in the practice's time zone; default: the last completed week`;

export interface DigestIo {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => number;
  env: (name: string) => string | undefined;
}

const defaultIo: DigestIo = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  now: Date.now,
  env: (n) => process.env[n],
};

function oneLineError(err: unknown): string {
  if (err instanceof PracticeWatchError) return err.message.split('\n').join('; ');
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return `${err.name} (${err.code})`;
  return `unexpected error (${err instanceof Error ? err.name : typeof err})`;
}

function textPathFor(htmlPath: string): string {
  return /\.html?$/i.test(htmlPath) ? htmlPath.replace(/\.html?$/i, '.txt') : `${htmlPath}.txt`;
}

export async function run(args: string[], io: DigestIo = defaultIo): Promise<number> {
  const fail = (msg: string, code = 1) => {
    io.err(`practicewatch digest: ${msg}\n`);
    return code;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        'dry-run': { type: 'boolean' },
        send: { type: 'boolean' },
        week: { type: 'string' },
        out: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (err) {
    io.err(`practicewatch digest: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (Boolean(v['dry-run']) === Boolean(v.send)) {
    io.err(`practicewatch digest: choose exactly one of --dry-run and --send\n${USAGE}\n`);
    return 2;
  }
  if (v.send && v.out) return fail('--out is for --dry-run only', 2);
  let week: IsoWeek | null = null;
  if (v.week !== undefined) {
    week = parseWeek(v.week);
    if (!week) return fail(`--week "${v.week.slice(0, 20)}" is not an ISO week such as 2026-W47`, 2);
  }

  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(v.config ?? 'config/practicewatch.yaml');
  } catch (err) {
    return fail(oneLineError(err));
  }
  const { config, practice } = loaded;
  const dbPath = config.storage.path;
  if (!existsSync(dbPath)) return fail(`no database at ${dbPath} yet: start the daemon first (practicewatch start)`);
  if (v.send && !config.email.enabled) return fail(`e-mail is off in ${loaded.file} (set email.enabled: true and the SMTP settings)`);
  const now = io.now();
  week ??= lastCompletedWeek(now, practice.timezone);
  const label = formatWeek(week);

  let db: Db;
  try {
    db = openDb(dbPath);
  } catch (err) {
    return fail(`cannot open ${dbPath}: ${oneLineError(err)}`);
  }
  try {
    if (v['dry-run']) {
      const { data, rendered } = buildDigest({ db, config, practice, week, now });
      const htmlPath = resolve(v.out ?? `digest-${label}.html`);
      const txtPath = textPathFor(htmlPath);
      try {
        mkdirSync(dirname(htmlPath), { recursive: true });
        writeFileSync(htmlPath, rendered.html);
        writeFileSync(txtPath, rendered.text);
      } catch (err) {
        return fail(`cannot write ${htmlPath}: ${oneLineError(err)}`);
      }
      io.out(
        `wrote ${htmlPath} and ${txtPath} (week ${label}: ${data.newItems.total} new, ${data.flagged.total} flagged, ${data.open.total} open; not sent)\n`,
      );
      return 0;
    }
    return await send(db, loaded, week, now, io, fail);
  } finally {
    db.close();
  }
}

async function send(db: Db, loaded: LoadedConfig, week: IsoWeek, now: number, io: DigestIo, fail: (m: string, c?: number) => number): Promise<number> {
  const { config, practice } = loaded;
  const key = digestKey(week);
  const label = formatWeek(week);
  type Row = { id: number; status: string; attempts: number; last_error: string | null; sent_at: number | null; payload_json: string };
  const getRow = () => db.prepare('SELECT id, status, attempts, last_error, sent_at, payload_json FROM outbox WHERE idempotency_key = ?').get(key) as Row | undefined;

  const before = getRow();
  if (before?.status === 'sent') {
    io.out(`the digest for ${label} was already sent (${new Date(before.sent_at ?? 0).toISOString()}); not sending it twice\n`);
    return 0;
  }
  if (before?.status === 'dead') return fail(`the digest for ${label} could not be delivered and was given up: ${before.last_error ?? 'unknown error'}`);
  // A row being sent right now belongs to a running daemon; a second dispatcher would treat it as interrupted.
  const sending = (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'sending'`).get() as { n: number }).n;
  if (sending > 0) return fail('the daemon is delivering messages right now; try again in a minute (or let the daemon send the digest)');

  if (!before) enqueueDigest({ db, config, practice, week, now });
  // Due now, even if a failed attempt had scheduled it for later.
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE idempotency_key = ? AND status = 'pending' AND next_attempt_at > ?`).run(now, key, now);

  const log = createLogger({ level: process.env.PRACTICEWATCH_LOG_LEVEL ?? 'silent' });
  const notifier = emailNotifierFromConfig(config, io.env, log, practice.name);
  const dispatcher = createDispatcher({ db, notifiers: [notifier], log, maxAttempts: config.alerts.max_attempts, now: io.now });
  try {
    await dispatcher.runOnce();
  } finally {
    await dispatcher.stop();
    notifier.close();
  }
  const after = getRow();
  if (after?.status === 'sent') {
    const n = (JSON.parse(after.payload_json) as { recipients?: unknown[] }).recipients?.length ?? digestRecipients(config).length;
    io.out(`sent the digest for ${label} to ${n} recipient${n === 1 ? '' : 's'}\n`);
    return 0;
  }
  if (after?.status === 'dead') return fail(`the digest for ${label} was not delivered and was given up: ${after.last_error ?? 'unknown error'}`);
  return fail(`the digest for ${label} was not delivered yet (${(after?.last_error ?? 'unknown error').replace(/^config: /, 'configuration problem: ')}); it stays queued and the daemon retries it`);
}
