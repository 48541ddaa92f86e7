import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb } from '../../src/store/db.ts';
import { recordFailure, recordSuccess } from '../../src/scheduler/health.ts';
import type { SourceConfig } from '../../src/config/load.ts';

const source = { id: 'yelp-main', name: 'Yelp main office', type: 'html-page', owned: false, enabled: true, respect_robots: true } as unknown as SourceConfig;
const alerts = { source_broken_after_failures: 2, critical_reminder_after: 1_800_000, max_attempts: 12, console: false };

function channels(db: ReturnType<typeof openDb>, kind: string): string[] {
  return (db.prepare('SELECT channel FROM outbox WHERE kind = ? ORDER BY channel').all(kind) as { channel: string }[]).map((r) => r.channel);
}

test('without Slack, source broken / recovered notices go to the responder by e-mail, once each', () => {
  const db = openDb(':memory:');
  const config = { slack: { enabled: false }, email: { enabled: true }, alerts } as never;
  const err = { message: 'page layout changed: the item selector matched nothing', code: 'PW_SELECTOR_EMPTY' };
  recordFailure(db, config, source, err, 1_000);
  assert.deepEqual(channels(db, 'source_broken'), []);
  recordFailure(db, config, source, err, 2_000);
  recordFailure(db, config, source, err, 3_000);
  assert.deepEqual(channels(db, 'source_broken'), ['email']);
  recordSuccess(db, config, source, 4_000);
  recordSuccess(db, config, source, 5_000);
  assert.deepEqual(channels(db, 'source_recovered'), ['email']);
});

test('with Slack on, the notice goes to Slack only (no duplicate e-mail)', () => {
  const db = openDb(':memory:');
  const config = { slack: { enabled: true }, email: { enabled: true }, alerts } as never;
  const err = { message: 'timed out', code: 'PW_HTTP_TIMEOUT' };
  recordFailure(db, config, source, err, 1_000);
  recordFailure(db, config, source, err, 2_000);
  assert.deepEqual(channels(db, 'source_broken'), ['slack']);
});
