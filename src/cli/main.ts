// practicewatch <command> …: a static map of command name → module. Each module exports
// `run(args: string[]): Promise<number>` (the exit code) and `summary` (one line for --help).
import { ConfigError } from '../core/errors.ts';

type CommandModule = { run(args: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./commands/start.ts'),
  demo: () => import('./commands/demo.ts'),
  config: () => import('./commands/config.ts'),
  sources: () => import('./commands/sources.ts'),
  fetch: () => import('./commands/fetch.ts'),
  classify: () => import('./commands/classify.ts'),
  'check-reply': () => import('./commands/check-reply.ts'),
  items: () => import('./commands/items.ts'),
  status: () => import('./commands/status.ts'),
  digest: () => import('./commands/digest.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['usage: practicewatch <command> [options]', '', 'commands:'];
    for (const [n, load] of Object.entries(commands)) {
      let summary = '';
      try {
        summary = (await load()).summary;
      } catch {
        summary = '(unavailable)';
      }
      lines.push(`  ${n.padEnd(12)} ${summary}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`practicewatch: unknown command "${name}" (try --help)\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A config error already names file:line: field; print it as is. Anything else gets one prefixed line.
    if (err instanceof ConfigError) process.stderr.write(err.message + '\n');
    else process.stderr.write(`practicewatch: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
