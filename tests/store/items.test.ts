import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.ts';
import { contentHash, recordPoll } from '../../src/store/items.ts';
import { eraseExpiredRawText } from '../../src/store/retention.ts';
import { createSqliteValidatorStore } from '../../src/store/validators.ts';
import { item, tempDir } from '../helpers/backbone.ts';

function counts(db: Db) {
  const c = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { items: c('items'), versions: c('item_versions') };
}

test('the db file (and WAL) is created 0600', () => {
  const t = tempDir();
  try {
    const path = join(t.dir, 'sub', 'pw.db');
    const db = openDb(path);
    recordPoll(db, 's', [item('a', 'hello')], 1);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    for (const suffix of ['-wal', '-shm']) {
      try {
        assert.equal(statSync(path + suffix).mode & 0o777 & 0o077, 0, `${suffix} must not be group/world readable`);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    db.close();
  } finally {
    t.cleanup();
  }
});

test('new item → item + version 1; unchanged re-poll writes nothing; edit → new version', () => {
  const db = openDb(':memory:');
  const first = recordPoll(db, 's', [item('a', 'Great visit'), item('b', 'Long wait')], 1000);
  assert.equal(first.length, 2);
  assert.ok(first.every((v) => !v.isEdit));
  assert.deepEqual(counts(db), { items: 2, versions: 2 });

  const before = db.prepare('SELECT * FROM items ORDER BY id').all();
  const changesBefore = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const again = recordPoll(db, 's', [item('a', 'Great  visit '), item('b', 'Long wait')], 2000);
  assert.deepEqual(again, []);
  assert.equal((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n, changesBefore, 'no row written');
  assert.deepEqual(db.prepare('SELECT * FROM items ORDER BY id').all(), before, 'not even last_seen_at');

  const edit = recordPoll(db, 's', [item('a', 'Great visit. Edit: the bill was wrong')], 3000);
  assert.equal(edit.length, 1);
  assert.equal(edit[0]!.isEdit, true);
  assert.equal(edit[0]!.itemId, first[0]!.itemId);
  assert.deepEqual(counts(db), { items: 2, versions: 3 });
  const cur = db.prepare('SELECT current_version_id AS v, last_seen_at AS t FROM items WHERE id = ?').get(edit[0]!.itemId) as { v: number; t: number };
  assert.deepEqual(cur, { v: edit[0]!.versionId, t: 3000 });
});

test('same external id on another source is another item; duplicates within one poll are stored once', () => {
  const db = openDb(':memory:');
  recordPoll(db, 's1', [item('a', 'x'), item('a', 'x')], 1);
  recordPoll(db, 's2', [item('a', 'x')], 1);
  assert.deepEqual(counts(db), { items: 2, versions: 2 });
});

test('content hash covers title, text, rating and facts, not the author', () => {
  const base = item('a', 'text', { title: 'T', rating: 3 });
  assert.notEqual(contentHash(base), contentHash({ ...base, rating: 4 }));
  assert.notEqual(contentHash(base), contentHash({ ...base, title: 'U' }));
  assert.notEqual(contentHash(base), contentHash({ ...base, facts: { telephone: ['1'] } }));
  assert.equal(contentHash({ ...base, facts: { name: 'A', url: 'u' } }), contentHash({ ...base, facts: { url: 'u', name: 'A' } }));
  assert.equal(contentHash(base), contentHash({ ...base, author: 'Someone Else' } as typeof base));
});

test('retention erases raw text/title/author of old versions, keeps excerpt and hash', () => {
  const db = openDb(':memory:');
  const day = 86_400_000;
  recordPoll(db, 's', [item('old', 'old text', { title: 'old' })], 0);
  recordPoll(db, 's', [item('new', 'new text')], 10 * day);
  db.prepare("UPDATE item_versions SET excerpt_masked = 'masked excerpt'").run();
  assert.equal(eraseExpiredRawText(db, 7 * day, 10 * day), 1);
  const rows = db.prepare('SELECT text, title, author, excerpt_masked, content_hash, text_erased_at FROM item_versions ORDER BY id').all() as Record<string, unknown>[];
  assert.deepEqual([rows[0]!.text, rows[0]!.title, rows[0]!.author, rows[0]!.text_erased_at], [null, null, null, 10 * day]);
  assert.equal(rows[0]!.excerpt_masked, 'masked excerpt');
  assert.equal(typeof rows[0]!.content_hash, 'string');
  assert.equal(rows[1]!.text, 'new text');
  assert.equal(eraseExpiredRawText(db, 7 * day, 10 * day), 0, 'idempotent');
  // The erased item re-polled unchanged is still recognised: no new version.
  assert.deepEqual(recordPoll(db, 's', [item('old', 'old text', { title: 'old' })], 11 * day), []);
});

test('validator store round-trips ETag / Last-Modified per URL', () => {
  const db = openDb(':memory:');
  const v = createSqliteValidatorStore(db, () => 5);
  assert.equal(v.get('http://x/feed'), undefined);
  v.set('http://x/feed', { etag: '"abc"' });
  v.set('http://x/feed', { etag: '"def"', lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT' });
  assert.deepEqual(v.get('http://x/feed'), { etag: '"def"', lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT' });
  v.set('http://x/feed', {});
  assert.equal(v.get('http://x/feed'), undefined);
});
