// practicewatch sources list | sources test <id>   [--config FILE]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/load.ts';
import { createLogger } from '../../log.ts';
import { openDb } from '../../store/db.ts';
import { connectors } from '../../../connectors/index.ts';
import { fail, itemJson, oneLine, oneOffConnector, oneOffHttpClient, out } from '../common.ts';

export const summary = 'sources list | sources test <id>: show the sources and their health, or poll one (stores nothing)';

interface Health {
  source_id: string;
  consecutive_failures: number;
  last_error: string | null;
  last_success_at: number | null;
  broken: number;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { config: { type: 'string', short: 'c' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return fail('sources', (err as Error).message);
  }
  const [sub, id] = parsed.positionals;
  if (sub !== 'list' && sub !== 'test') return fail('sources', 'usage: sources list | sources test <id> [--config FILE]');
  const { config } = loadConfig(parsed.values.config ?? 'config/practicewatch.yaml');

  if (sub === 'list') {
    const health = new Map<string, Health>();
    if (existsSync(config.storage.path)) {
      const db = openDb(config.storage.path);
      try {
        for (const h of db.prepare('SELECT * FROM source_health').all() as Health[]) health.set(h.source_id, h);
      } finally {
        db.close();
      }
    }
    const rows = config.sources.map((s) => {
      const def = connectors.find((d) => d.type === s.type);
      const h = health.get(s.id);
      const state = !s.enabled
        ? 'disabled'
        : !h
          ? 'not polled yet'
          : h.broken
            ? `BROKEN (${h.consecutive_failures} failures): ${h.last_error ?? ''}`
            : h.consecutive_failures > 0
              ? `failing (${h.consecutive_failures}): ${h.last_error ?? ''}`
              : `ok, last success ${h.last_success_at ? new Date(h.last_success_at).toISOString() : '-'}`;
      return [s.id, s.type, s.schedule ?? def?.defaultSchedule ?? '?', s.owned ? 'owned' : '', state];
    });
    const head = ['ID', 'TYPE', 'SCHEDULE', 'OWNED', 'STATE'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
    await out([fmt(head), ...rows.map(fmt)].join('\n') + '\n');
    return 0;
  }

  if (!id) return fail('sources', 'usage: sources test <id>');
  const source = config.sources.find((s) => s.id === id);
  if (!source) return fail('sources', `no source "${id}" (known: ${config.sources.map((s) => s.id).join(', ')})`);
  const def = connectors.find((d) => d.type === source.type)!;
  const log = createLogger({ level: process.env.PRACTICEWATCH_LOG_LEVEL ?? 'warn' });
  const http = oneOffHttpClient(config.http, log);
  try {
    const connector = oneOffConnector(def, source, http, log);
    const r = await connector.poll({ signal: AbortSignal.timeout(Math.max(30_000, config.http.timeout * (config.http.retries + 2))) });
    for (const item of r.items) await out(itemJson(item) + '\n');
    process.stderr.write(`${source.id}: ${r.items.length} item${r.items.length === 1 ? '' : 's'}${r.notModified ? ' (not modified)' : ''}\n`);
    return 0;
  } catch (err) {
    return fail('sources', `${source.id}: ${oneLine(err)}`);
  } finally {
    await http.close();
  }
}
