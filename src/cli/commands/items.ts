// practicewatch items list [--status open|all] [--json] [--config FILE]
// practicewatch items ack|done|dismiss <id> [--config FILE]
// Lists flagged items (id, source, severity, categories, age, status, masked excerpt — never raw text or authors) and
// records what the responder did. CLI actions are recorded as `cli:<os user>`; when Slack is configured the alert
// message is re-rendered to show it (best effort: the action is recorded either way).
import { userInfo } from 'node:os';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type LoadedConfig } from '../../config/load.ts';
import { SEVERITIES, type Severity } from '../../core/types.ts';
import { createLogger } from '../../log.ts';
import { stripControl } from '../../privacy/escape.ts';
import { openDb, type Db } from '../../store/db.ts';
import { ITEM_ACTIONS, recordAction, UnknownItemError, type ItemActionName } from '../../responder/actions.ts';
import { createSlackNotifier } from '../../notifiers/slack.ts';

export const summary = 'items list [--status open|all] [--json] | items ack|done|dismiss <id>: flagged items and what was done';

const USAGE = `usage: practicewatch items list [--status open|all] [--json] [--config FILE]
       practicewatch items ack|done|dismiss <id> [--config FILE]
  ack      acknowledge (stops the critical reminder)
  done     the item was responded to
  dismiss  not an issue (the same text will not alert again)`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => number;
  user: () => string;
}

const defaultIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  now: Date.now,
  user: () => {
    try {
      return userInfo().username;
    } catch {
      return process.env.USER ?? 'unknown';
    }
  },
};

export interface ItemRow {
  id: number;
  source: string;
  severity: Severity | null;
  categories: string[];
  ageMs: number;
  status: string;
  excerpt: string;
}

/** Age in words: 45s, 12m, 5h, 3d. */
export function age(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

/** Flagged items (any finding on the current version), newest first. Masked excerpts only. */
export function listItems(db: Db, opts: { status: 'open' | 'all'; now: number; sourceNames?: Map<string, string> }): ItemRow[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.source_id, i.status, i.first_seen_at, v.excerpt_masked,
              group_concat(DISTINCT f.category) AS cats, group_concat(f.severity) AS sevs
       FROM items i
       JOIN item_versions v ON v.id = i.current_version_id
       JOIN findings f ON f.version_id = v.id
       ${opts.status === 'open' ? "WHERE i.status IN ('new', 'acknowledged')" : ''}
       GROUP BY i.id
       ORDER BY i.first_seen_at DESC, i.id DESC`,
    )
    .all() as { id: number; source_id: string; status: string; first_seen_at: number; excerpt_masked: string; cats: string | null; sevs: string | null }[];
  return rows.map((r) => {
    const sevs = (r.sevs ?? '').split(',').filter(Boolean);
    let best = -1;
    for (const s of sevs) best = Math.max(best, SEVERITIES.indexOf(s as Severity));
    const excerpt = stripControl(r.excerpt_masked ?? '').replace(/\s+/g, ' ').trim();
    return {
      id: r.id,
      source: opts.sourceNames?.get(r.source_id) ?? r.source_id,
      severity: best >= 0 ? SEVERITIES[best]! : null,
      categories: (r.cats ?? '').split(',').filter(Boolean).sort(),
      ageMs: opts.now - r.first_seen_at,
      status: r.status,
      excerpt: excerpt.length > 80 ? excerpt.slice(0, 79) + '…' : excerpt,
    };
  });
}

function table(rows: ItemRow[]): string {
  const head = ['ID', 'SOURCE', 'SEVERITY', 'CATEGORIES', 'AGE', 'STATUS', 'EXCERPT (masked)'];
  const body = rows.map((r) => [String(r.id), stripControl(r.source), r.severity ?? '-', r.categories.join(',') || '-', age(r.ageMs), r.status, `"${r.excerpt}"`]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (i === 6 ? 0 : b[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n') + '\n';
}

async function refreshSlack(loaded: LoadedConfig, db: Db, itemId: number, action: ItemActionName, actor: string, at: number, io: Io): Promise<void> {
  const { config } = loaded;
  if (!config.slack.enabled) return;
  const token = process.env[config.slack.token_env];
  const channel = config.responder.slack_channel ?? config.responder.slack_user_id;
  if (!token || !channel) return;
  const slack = createSlackNotifier({ token, apiUrl: config.slack.api_url, channel, db, log: createLogger({ level: 'silent' }), timeoutMs: Math.min(config.slack.timeout, 10_000) });
  try {
    if (await slack.updateItemStatus(itemId, { action, actor, at })) io.out('Slack alert updated.\n');
  } catch (err) {
    io.err(`note: the Slack message could not be updated (${err instanceof Error ? err.message.slice(0, 100) : 'error'}); the action is recorded.\n`);
  }
}

export async function run(args: string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { config: { type: 'string', short: 'c' }, status: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`practicewatch items: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [sub, idArg, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const isAction = ITEM_ACTIONS.includes(sub as ItemActionName);
  if ((sub !== 'list' && !isAction) || extra.length > 0 || (sub === 'list' && idArg !== undefined)) {
    io.err(USAGE + '\n');
    return 2;
  }
  const status = parsed.values.status ?? 'open';
  if (status !== 'open' && status !== 'all') {
    io.err('practicewatch items: --status must be "open" or "all"\n');
    return 2;
  }
  let itemId = 0;
  if (isAction) {
    if (!idArg || !/^\d{1,15}$/.test(idArg)) {
      io.err(`practicewatch items ${sub}: expected an item id (a number), e.g. items ${sub} 42\n`);
      return 2;
    }
    itemId = Number(idArg);
  }

  // A ConfigError propagates to src/cli/main.ts, which prints the located errors and exits 1.
  const loaded: LoadedConfig = loadConfig(parsed.values.config ?? 'config/practicewatch.yaml');
  const dbPath = loaded.config.storage.path;
  if (!existsSync(dbPath)) {
    if (sub === 'list') {
      io.out(parsed.values.json ? '' : 'No items yet (the daemon has not stored anything).\n');
      return 0;
    }
    io.err(`practicewatch items: no item #${itemId} (no database at ${dbPath} yet)\n`);
    return 1;
  }
  const db = openDb(dbPath);
  try {
    if (sub === 'list') {
      const names = new Map(loaded.config.sources.map((s) => [s.id, s.name ?? s.id]));
      const rows = listItems(db, { status, now: io.now(), sourceNames: names });
      if (parsed.values.json) {
        for (const r of rows) io.out(JSON.stringify({ ...r, age: age(r.ageMs) }) + '\n');
      } else if (rows.length === 0) {
        io.out(status === 'open' ? 'No open items.\n' : 'No flagged items.\n');
      } else {
        io.out(table(rows));
      }
      return 0;
    }
    const action = sub as ItemActionName;
    const actor = `cli:${io.user()}`;
    try {
      const r = recordAction(db, itemId, action, actor, 'cli', io.now());
      io.out(`item #${r.itemId}: ${r.status} (was ${r.previousStatus}), recorded as ${actor}\n`);
      if (action === 'dismiss' && r.textDismissed === false) io.out('note: the raw text was already erased, so the same text may alert again.\n');
      await refreshSlack(loaded, db, itemId, action, actor, r.at, io);
      return 0;
    } catch (err) {
      if (err instanceof UnknownItemError) {
        io.err(`practicewatch items ${sub}: no item #${itemId}\n`);
        return 1;
      }
      throw err;
    }
  } finally {
    db.close();
  }
}
