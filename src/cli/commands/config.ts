// practicewatch config check [--config FILE]: validate without starting anything.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/load.ts';
import { fail } from '../common.ts';

export const summary = 'config check [--config FILE]: validate the config, print "ok: N sources" or located errors';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { config: { type: 'string', short: 'c' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return fail('config', (err as Error).message);
  }
  const [sub] = parsed.positionals;
  if (sub !== 'check') return fail('config', sub ? `unknown subcommand "${sub}" (try: config check)` : 'missing subcommand (try: config check)');
  // A ConfigError propagates to src/cli/main.ts, which prints the located errors and exits 1.
  const { config } = loadConfig(parsed.values.config ?? 'config/practicewatch.yaml');
  const enabled = config.sources.filter((s) => s.enabled).length;
  const n = config.sources.length;
  process.stdout.write(`ok: ${n} source${n === 1 ? '' : 's'}${enabled !== n ? ` (${enabled} enabled)` : ''}\n`);
  return 0;
}
