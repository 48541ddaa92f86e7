// practicewatch fetch --source JSON: poll one source given inline, print its items as JSON lines. No config.
// Contract: one object per item with EXACTLY externalId, kind, url, author, title, text, rating, publishedAt;
// any failure is ONE line on stderr and a non-zero exit.
import { parseArgs } from 'node:util';
import { formatPath, sourceSchema, type SourceConfig } from '../../config/load.ts';
import { createLogger } from '../../log.ts';
import { connectors } from '../../../connectors/index.ts';
import { fail, itemJson, oneLine, oneOffConnector, oneOffHttpClient, out } from '../common.ts';

export const summary = `fetch --source '{"type":"rss","url":"…"}': poll one source given inline, print its items as JSON lines`;

export async function run(args: string[]): Promise<number> {
  let values: { source?: string };
  try {
    ({ values } = parseArgs({ args, options: { source: { type: 'string', short: 's' } }, strict: true }));
  } catch (err) {
    return fail('fetch', (err as Error).message);
  }
  if (!values.source) return fail('fetch', `missing --source '{"type":"rss","url":"http://…"}'`);
  let raw: unknown;
  try {
    raw = JSON.parse(values.source);
  } catch {
    return fail('fetch', '--source is not valid JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('fetch', '--source must be a JSON object');
  const input: Record<string, unknown> = { id: 'fetch', ...(raw as Record<string, unknown>) };
  const known = connectors.map((c) => c.type);
  const def = connectors.find((c) => c.type === input.type);
  if (!def) {
    return fail('fetch', `${input.type === undefined ? 'missing "type"' : `unknown source type "${String(input.type)}"`}; known types: ${known.join(', ')}`);
  }
  const parsed = sourceSchema(def).safeParse(input);
  if (!parsed.success) {
    const msgs = parsed.error.issues.map((i) =>
      i.code === 'unrecognized_keys' ? `unknown key ${i.keys.map((k) => `"${k}"`).join(', ')}` : `${formatPath(i.path as (string | number)[])}: ${i.message}`,
    );
    return fail('fetch', `--source: ${msgs.join('; ')}`);
  }
  const source = parsed.data as SourceConfig;
  const log = createLogger({ level: process.env.PRACTICEWATCH_LOG_LEVEL ?? 'silent' });
  const http = oneOffHttpClient(undefined, log);
  try {
    const connector = oneOffConnector(def, source, http, log);
    const r = await connector.poll({ signal: AbortSignal.timeout(90_000) });
    for (const item of r.items) await out(itemJson(item) + '\n');
    return 0;
  } catch (err) {
    return fail('fetch', oneLine(err));
  } finally {
    await http.close();
  }
}
