// Child process for the SIGKILL test: runs the real dispatcher + Slack notifier against a file DB and the Slack
// stand-in until nothing is left to deliver, then exits 0. The test kills it with SIGKILL mid-delivery.
import { openDb } from '../../src/store/db.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackNotifier } from '../../src/notifiers/slack.ts';
import { createLogger } from '../../src/log.ts';

const db = openDb(process.env.PW_DB!);
const log = createLogger({ level: 'silent' });
const slack = createSlackNotifier({ token: 'xoxb-test', apiUrl: process.env.PW_SLACK_URL!, channel: 'C0PRIVATE', db, log, timeoutMs: 60_000 });
const d = createDispatcher({ db, notifiers: [slack], log, maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 50 });
process.stdout.write('ready\n');
for (;;) {
  await d.runOnce();
  const left = (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`).get() as { n: number }).n;
  if (left === 0) break;
  await new Promise((r) => setTimeout(r, 20));
}
db.close();
process.exit(0);
