// practicewatch demo [--once]: serves a fictional practice's pages and feed on 127.0.0.1 and runs the REAL
// daemon against them (console alerts, fresh data/demo.db). --once: one cycle, deliver the outbox, exit 0.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConfig } from '../../config/load.ts';
import { createDaemon } from '../../daemon.ts';
import { createLogger } from '../../log.ts';
import { demoConfigYaml } from '../../demo/config.ts';
import { startDemoServer } from '../../demo/server.ts';
import { connectors } from '../../../connectors/index.ts';
import { fail } from '../common.ts';

export const summary = 'demo [--once]: watch a bundled fictional practice served locally and print what is flagged';

export async function run(args: string[]): Promise<number> {
  let values: { once?: boolean; db?: string };
  try {
    ({ values } = parseArgs({ args, options: { once: { type: 'boolean' }, db: { type: 'string' } }, strict: true }));
  } catch (err) {
    return fail('demo', (err as Error).message);
  }
  const say = (s: string) => process.stdout.write(`» ${s}\n`);
  const dbPath = values.db ?? 'data/demo.db';
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

  const server = await startDemoServer();
  const yaml = demoConfigYaml(server, dbPath, connectors.map((c) => c.type));
  const loaded = parseConfig(yaml, 'demo config', { env: {} });
  const log = createLogger({ level: process.env.PRACTICEWATCH_LOG_LEVEL ?? 'warn' });
  say(`Serving the fictional "${loaded.practice.name}" on ${server.origin}`);
  for (const s of loaded.config.sources) say(`  ${s.id.padEnd(15)} ${s.type.padEnd(16)} ${String(s.url)}`);
  say(`Fresh database: ${dbPath}. Slack and e-mail are off; flagged items print below (masked).`);

  const daemon = await createDaemon({ loaded, log, jitterMs: 0, drainMs: 5_000 });
  const stopAll = async () => {
    await daemon.stop();
    await server.close();
  };
  try {
    say('Polling every source once…');
    const first = await daemon.runOnce();
    report(first, say);
    if (values.once) {
      await stopAll();
      return 0;
    }
    await daemon.start();
    say('Watching: sources are polled every minute. Edit the files in demo/ to see edits and new items. Ctrl-C to stop.');
    return await new Promise<number>((resolve) => {
      const onSignal = () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        say('Stopping…');
        stopAll().then(
          () => resolve(0),
          () => resolve(1),
        );
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
  } catch (err) {
    await stopAll().catch(() => undefined);
    throw err;
  }
}

function report(r: Awaited<ReturnType<Awaited<ReturnType<typeof createDaemon>>['runOnce']>>, say: (s: string) => void): void {
  let items = 0;
  let flagged = 0;
  for (const p of r.polls) {
    if (p.ok) {
      items += p.result.created + p.result.edited;
      flagged += p.result.flagged;
    } else say(`  ${p.sourceId}: poll failed: ${p.error ?? p.skipped}`);
  }
  say(`Done: ${items} new item(s), ${flagged} flagged, ${r.delivered} alert(s) delivered to the console.`);
}
