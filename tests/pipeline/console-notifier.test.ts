import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConsoleNotifier } from '../../src/notifiers/console.ts';
import type { AlertPayload, OutboxRow } from '../../src/core/alert.ts';

const row = (payload: unknown, kind: OutboxRow['kind'] = 'alert'): OutboxRow => ({
  id: 7, idempotency_key: 'k', channel: 'console', kind, item_id: 1, version_id: 2, payload_json: JSON.stringify(payload),
  status: 'sending', attempts: 0, next_attempt_at: 0, last_error: null, external_ref: null, created_at: 0,
});

test('console notifier prints a readable block and strips control characters', async () => {
  const out: string[] = [];
  const n = createConsoleNotifier({ write: (s) => out.push(s), color: false });
  const p: AlertPayload = {
    type: 'alert', itemId: 1, versionId: 2, sourceId: 's', sourceName: 'Reviews', url: 'http://127.0.0.1/r/1', postedAt: null, rating: 1,
    severity: 'high', categories: ['negative', 'phi'], reasons: [{ category: 'phi', severity: 'high', code: 'phi.third_party', reason: 'names a third party' }],
    action: { code: 'private', text: 'Follow up privately.' }, draftReply: null, excerpt: 'My neighbor [name] \u001b[31mhas [condition]', edited: false,
  };
  const r = await n.deliver(row(p), AbortSignal.timeout(1000));
  assert.equal(r.externalRef, 'console:7');
  const text = out.join('');
  assert.match(text, /HIGH negative, phi — Reviews/);
  assert.match(text, /rating 1\/5/);
  assert.match(text, /\(do not reply publicly\)/);
  assert.ok(!text.includes('\u001b'), 'no escape sequences from the post');
  out.length = 0;
  await n.deliver(row({ type: 'source_broken', sourceId: 'x', sourceName: 'X page', error: 'page layout changed', consecutiveFailures: 3, since: 1 }, 'source_broken'), AbortSignal.timeout(1000));
  assert.match(out.join(''), /SOURCE BROKEN — X page \(x\)\n  3 failed polls in a row: page layout changed/);
});
