// practicewatch status [--json] [--config FILE]
// Delivery and source health at a glance: outbox counts by status and channel, dead letters (PHI-free errors),
// rows parked by a configuration problem, rows waiting for an unconfigured channel, and source health.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type LoadedConfig } from '../../config/load.ts';
import { stripControl } from '../../privacy/escape.ts';
import { openDb, type Db } from '../../store/db.ts';
import { age, type Io } from './items.ts';

export const summary = 'status [--json]: outbox counts, dead letters, configuration problems, source health';

export interface StatusReport {
  outbox: { channel: string; status: string; count: number }[];
  dead: { id: number; channel: string; kind: string; itemId: number | null; attempts: number; error: string | null; createdAt: number }[];
  configProblems: { channel: string; count: number; error: string }[];
  inDoubt: number;
  unconfiguredChannels: { channel: string; count: number }[];
  sources: { id: string; name: string; broken: boolean; consecutiveFailures: number; lastSuccessAt: number | null; lastError: string | null }[];
}

const clean = (s: string | null) => (s === null ? null : stripControl(s).replace(/\s+/g, ' ').slice(0, 200));

export function statusReport(db: Db, loaded: Pick<LoadedConfig, 'config'>): StatusReport {
  const { config } = loaded;
  const outbox = (db.prepare(`SELECT channel, status, COUNT(*) AS count FROM outbox GROUP BY channel, status ORDER BY channel, status`).all() as StatusReport['outbox']);
  const dead = (
    db.prepare(`SELECT id, channel, kind, item_id, attempts, last_error, created_at FROM outbox WHERE status = 'dead' ORDER BY id DESC LIMIT 50`).all() as {
      id: number; channel: string; kind: string; item_id: number | null; attempts: number; last_error: string | null; created_at: number;
    }[]
  ).map((r) => ({ id: r.id, channel: r.channel, kind: r.kind, itemId: r.item_id, attempts: r.attempts, error: clean(r.last_error), createdAt: r.created_at }));
  const configProblems = (
    db.prepare(`SELECT channel, COUNT(*) AS count, MAX(last_error) AS error FROM outbox WHERE status = 'pending' AND last_error LIKE 'config: %' GROUP BY channel`).all() as {
      channel: string; count: number; error: string;
    }[]
  ).map((r) => ({ ...r, error: clean(r.error.replace(/^config: /, '')) ?? '' }));
  const inDoubt = (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE (status = 'pending' AND claimed_at IS NOT NULL) OR status = 'sending'`).get() as { n: number }).n;
  const enabled = new Set<string>();
  if (config.slack.enabled) enabled.add('slack');
  if (config.email.enabled) enabled.add('email');
  if (config.alerts.console) enabled.add('console');
  const unconfiguredChannels = (db.prepare(`SELECT channel, COUNT(*) AS count FROM outbox WHERE status = 'pending' GROUP BY channel`).all() as { channel: string; count: number }[]).filter(
    (r) => !enabled.has(r.channel),
  );
  const health = new Map(
    (db.prepare(`SELECT source_id, consecutive_failures, last_error, last_success_at, broken FROM source_health`).all() as {
      source_id: string; consecutive_failures: number; last_error: string | null; last_success_at: number | null; broken: number;
    }[]).map((h) => [h.source_id, h]),
  );
  const ids = [...new Set([...config.sources.map((s) => s.id), ...health.keys()])];
  const sources = ids.map((id) => {
    const h = health.get(id);
    const src = config.sources.find((s) => s.id === id);
    return {
      id,
      name: src?.name ?? id,
      broken: Boolean(h?.broken),
      consecutiveFailures: h?.consecutive_failures ?? 0,
      lastSuccessAt: h?.last_success_at ?? null,
      lastError: clean(h?.last_error ?? null),
    };
  });
  return { outbox, dead, configProblems, inDoubt, unconfiguredChannels, sources };
}

export function renderStatus(r: StatusReport, now: number): string {
  const out: string[] = [];
  out.push('Outbox');
  if (r.outbox.length === 0) out.push('  (empty)');
  const channels = [...new Set(r.outbox.map((o) => o.channel))];
  for (const ch of channels) {
    const parts = r.outbox.filter((o) => o.channel === ch).map((o) => `${o.status} ${o.count}`);
    out.push(`  ${ch.padEnd(8)} ${parts.join(', ')}`);
  }
  if (r.inDoubt) out.push(`  ${r.inDoubt} interrupted mid-delivery: checked with the channel before re-sending`);
  for (const c of r.configProblems) out.push(`  CONFIG PROBLEM (${c.channel}): ${c.count} waiting — ${c.error}. Fix the config and restart.`);
  for (const u of r.unconfiguredChannels) out.push(`  ${u.count} waiting for channel "${u.channel}", which is not enabled`);
  out.push('', `Dead letters (${r.dead.length})`);
  for (const d of r.dead) {
    out.push(`  #${d.id} ${d.channel} ${d.kind}${d.itemId !== null ? ` item #${d.itemId}` : ''} after ${d.attempts} attempt(s), ${age(now - d.createdAt)} old: ${d.error ?? 'no error recorded'}`);
  }
  out.push('', 'Sources');
  for (const s of r.sources) {
    const state = s.broken ? 'BROKEN' : s.consecutiveFailures ? `failing (${s.consecutiveFailures})` : s.lastSuccessAt ? 'ok' : 'not polled yet';
    const last = s.lastSuccessAt ? `, last success ${age(now - s.lastSuccessAt)} ago` : '';
    out.push(`  ${stripControl(s.id).padEnd(24)} ${state}${last}${s.lastError && (s.broken || s.consecutiveFailures) ? `: ${s.lastError}` : ''}`);
  }
  return out.join('\n') + '\n';
}

export async function run(args: string[], io: Pick<Io, 'out' | 'err' | 'now'> = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s), now: Date.now }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { config: { type: 'string', short: 'c' }, json: { type: 'boolean' } }, allowPositionals: false, strict: true });
  } catch (err) {
    io.err(`practicewatch status: ${(err as Error).message}\nusage: practicewatch status [--json] [--config FILE]\n`);
    return 2;
  }
  // A ConfigError propagates to src/cli/main.ts, which prints the located errors and exits 1.
  const loaded: LoadedConfig = loadConfig(parsed.values.config ?? 'config/practicewatch.yaml');
  if (!existsSync(loaded.config.storage.path)) {
    io.out(`No database at ${loaded.config.storage.path} yet: the daemon has not run.\n`);
    return 0;
  }
  const db = openDb(loaded.config.storage.path);
  try {
    const r = statusReport(db, loaded);
    io.out(parsed.values.json ? JSON.stringify(r) + '\n' : renderStatus(r, io.now()));
    // Non-zero when something needs a human: dead letters or a configuration problem.
    return r.dead.length || r.configProblems.length ? 3 : 0;
  } finally {
    db.close();
  }
}
