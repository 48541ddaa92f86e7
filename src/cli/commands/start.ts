// practicewatch start [--config FILE]: the daemon, until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { runDaemon } from '../../daemon.ts';
import { fail } from '../common.ts';

export const summary = 'run the watcher (polls, alerts, digest) until Ctrl-C  [--config FILE]';

export async function run(args: string[]): Promise<number> {
  let values: { config?: string };
  try {
    ({ values } = parseArgs({ args, options: { config: { type: 'string', short: 'c' } }, strict: true }));
  } catch (err) {
    return fail('start', (err as Error).message);
  }
  return runDaemon({ configFile: values.config ?? 'config/practicewatch.yaml' });
}
