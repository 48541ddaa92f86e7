// Seeds a digest test database directly with SQL (no pipeline): a fictional practice's week 2026-W47
// (Mon Nov 16 – Sun Nov 22 2026, America/New_York) plus older weeks. Raw text holds planted PHI that must never
// reach an e-mail; excerpts are the masked form; one source name and one excerpt are hostile HTML.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { openDb, type Db } from '../../src/store/db.ts';
import type { TestContext } from 'node:test';
import { tempDir } from '../helpers/backbone.ts';
import { startSmtp, type SmtpStub } from '../helpers/smtp.ts';

export const TZ = 'America/New_York';
/** Tuesday Nov 24 2026, 10:00 New York: the last completed week is 2026-W47. */
export const NOW = Date.parse('2026-11-24T15:00:00Z');
export const PLANTED = ['Marjorie Fenwick', '555-867-5309', 'bipolar disorder', 'Quentin Arbogast', 'lithium'];
export const HOSTILE_SOURCE = '<script>alert("src")</script> Yelp';
export const HOSTILE_EXCERPT = '<img src=x onerror=alert(1)>';
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

export interface Seeded {
  db: Db;
  dir: string;
  dbPath: string;
  cleanup(): void;
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E', number>;
}

export const SOURCES = [
  { id: 'google-main', name: 'Google — Main office' },
  { id: 'yelp-x', name: HOSTILE_SOURCE },
];

function addItem(
  db: Db,
  o: { source: string; ext: string; url: string | null; seen: number; status?: string; rating: number | null; text: string; excerpt: string; published?: string | null },
): { itemId: number; versionId: number } {
  const itemId = Number(
    db
      .prepare(`INSERT INTO items (source_id, external_id, kind, url, first_seen_at, last_seen_at, status) VALUES (?, ?, 'review', ?, ?, ?, ?)`)
      .run(o.source, o.ext, o.url, o.seen, o.seen, o.status ?? 'new').lastInsertRowid,
  );
  const versionId = Number(
    db
      .prepare(
        `INSERT INTO item_versions (item_id, content_hash, author, title, text, rating, published_at, excerpt_masked, created_at)
         VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
      )
      .run(itemId, `h-${o.ext}`, 'Quentin Arbogast', o.text, o.rating, o.published ?? null, o.excerpt, o.seen).lastInsertRowid,
  );
  db.prepare('UPDATE items SET current_version_id = ? WHERE id = ?').run(versionId, itemId);
  return { itemId, versionId };
}

const finding = (db: Db, versionId: number, category: string, severity: string, created: number) =>
  db.prepare(`INSERT INTO findings (version_id, category, severity, code, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(versionId, category, severity, `${category}.x`, `${category} reason`, created);
const action = (db: Db, itemId: number, act: string, when: number) =>
  db.prepare(`INSERT INTO item_actions (item_id, action, actor, via, at) VALUES (?, ?, 'U0TEST', 'slack', ?)`).run(itemId, act, when);

export function seed(): Seeded {
  const { dir, cleanup } = tempDir('pw-digest-');
  const dbPath = join(dir, 'pw.db');
  const db = openDb(dbPath);
  const tx = db.transaction(() => {
    // A: this week, PHI + negative, open (new).
    const a = addItem(db, {
      source: 'google-main', ext: 'a', url: 'https://reviews.example/r/a', seen: at('2026-11-18T15:00:00Z'), rating: 1,
      text: 'Marjorie Fenwick here, Dr. said my bipolar disorder was fine, call me 555-867-5309 about the lithium',
      excerpt: `[name] here, Dr. said my [condition] was fine, call me [phone] ${HOSTILE_EXCERPT} about the [condition]`,
      published: '2026-11-18T12:00:00Z',
    });
    finding(db, a.versionId, 'phi', 'high', at('2026-11-18T15:00:00Z'));
    finding(db, a.versionId, 'negative', 'medium', at('2026-11-18T15:00:00Z'));
    // B: this week, urgent critical, hostile source, javascript: URL, acknowledged after 30 min.
    const b = addItem(db, {
      source: 'yelp-x', ext: 'b', url: 'javascript:alert(1)', seen: at('2026-11-19T15:00:00Z'), status: 'acknowledged', rating: 2,
      text: 'I cannot go on, Marjorie Fenwick knows', excerpt: 'I cannot go on, [name] knows <script>alert(2)</script>',
    });
    finding(db, b.versionId, 'urgent', 'critical', at('2026-11-19T15:00:00Z'));
    action(db, b.itemId, 'ack', at('2026-11-19T15:30:00Z'));
    // C: this week, 5 stars, nothing flagged.
    const c = addItem(db, { source: 'google-main', ext: 'c', url: 'https://reviews.example/r/c', seen: at('2026-11-20T15:00:00Z'), rating: 5, text: 'Lovely staff', excerpt: 'Lovely staff' });
    // D: this week, negative medium, responded (ack +10 min, done +2 h).
    const d = addItem(db, { source: 'google-main', ext: 'd', url: 'https://reviews.example/r/d', seen: at('2026-11-17T15:00:00Z'), status: 'responded', rating: 4, text: 'Long wait', excerpt: 'Long wait' });
    finding(db, d.versionId, 'negative', 'medium', at('2026-11-17T15:00:00Z'));
    action(db, d.itemId, 'ack', at('2026-11-17T15:10:00Z'));
    action(db, d.itemId, 'done', at('2026-11-17T17:00:00Z'));
    // E: two weeks earlier (W45), offensive high, still open: the oldest open item.
    const e = addItem(db, { source: 'google-main', ext: 'e', url: 'https://reviews.example/r/e', seen: at('2026-11-04T15:00:00Z'), rating: 3, text: 'rude words', excerpt: 'rude words' });
    finding(db, e.versionId, 'offensive', 'high', at('2026-11-04T15:00:00Z'));
    // Older rated reviews for the trend: W44 (4 stars) and W42 (2 stars).
    addItem(db, { source: 'google-main', ext: 'f', url: null, seen: at('2026-10-28T15:00:00Z'), rating: 4, text: 'ok', excerpt: 'ok' });
    addItem(db, { source: 'google-main', ext: 'g', url: null, seen: at('2026-10-14T15:00:00Z'), rating: 2, text: 'meh', excerpt: 'meh' });
    // Low severity only: never "open".
    const l = addItem(db, { source: 'google-main', ext: 'l', url: null, seen: at('2026-11-21T15:00:00Z'), rating: null, text: 'hmm', excerpt: 'hmm' });
    finding(db, l.versionId, 'negative', 'low', at('2026-11-21T15:00:00Z'));
    // A dead-lettered alert this week whose payload carries the hostile source name, and one from an earlier week.
    db.prepare(
      `INSERT INTO outbox (idempotency_key, channel, kind, item_id, payload_json, status, attempts, next_attempt_at, last_error, created_at)
       VALUES ('alert:v999:slack', 'slack', 'alert', ?, ?, 'dead', 12, 0, 'slack invalid_auth <b>x</b>', ?)`,
    ).run(b.itemId, JSON.stringify({ sourceName: HOSTILE_SOURCE, excerpt: 'Marjorie Fenwick' }), at('2026-11-19T16:00:00Z'));
    db.prepare(
      `INSERT INTO outbox (idempotency_key, channel, kind, payload_json, status, attempts, next_attempt_at, last_error, created_at)
       VALUES ('alert:v998:slack', 'slack', 'alert', '{}', 'dead', 12, 0, 'old', ?)`,
    ).run(at('2026-10-01T16:00:00Z'));
    // A broken source.
    db.prepare(
      `INSERT INTO source_health (source_id, consecutive_failures, last_error, last_error_code, broken, broken_since) VALUES ('yelp-x', 4, 'page layout changed: the review selector matched nothing', 'PW_SELECTOR_EMPTY', 1, ?)`,
    ).run(at('2026-11-19T10:00:00Z'));
    return { A: a.itemId, B: b.itemId, C: c.itemId, D: d.itemId, E: e.itemId };
  });
  const ids = tx();
  void H;
  return { db, dir, dbPath, cleanup: () => { try { db.close(); } catch { /* closed */ } cleanup(); }, ids };
}

/** A config file for the CLI / daemon: e-mail to the local SMTP stub, the seeded DB. */
export function writeConfig(dir: string, dbPath: string, smtpPort: number, extra = ''): string {
  const file = join(dir, 'practicewatch.yaml');
  writeFileSync(
    file,
    `practice:
  name: Maple Grove Family Medicine
  phones: ["(555) 010-4477"]
  addresses: ["1200 Maple Grove Ave, Springfield, IL 62704"]
  timezone: ${TZ}
responder:
  name: Office Manager
  email: manager@maplegrove.example
email:
  enabled: true
  host: 127.0.0.1
  port: ${smtpPort}
  require_tls: false
  from: "PracticeWatch <pw@maplegrove.example>"
  digest_recipients: [owner@maplegrove.example, Manager@maplegrove.example]
${extra}storage:
  path: ${dbPath}
sources:
  - id: google-main
    type: rss
    name: "Google — Main office"
    url: http://127.0.0.1:1/feed
  - id: yelp-x
    type: rss
    name: '${HOSTILE_SOURCE}'
    url: http://127.0.0.1:1/feed2
`,
  );
  return file;
}

/** The parts of Config the digest uses, for in-process tests. */
export function digestConfig(schedule = '0 8 * * 1') {
  return {
    email: { digest_recipients: ['owner@maplegrove.example', 'Manager@maplegrove.example'], digest_schedule: schedule },
    responder: { email: 'manager@maplegrove.example' },
    sources: SOURCES,
  } as never;
}
export const PRACTICE = { name: 'Maple Grove Family Medicine', timezone: TZ };

/** A seeded database and a real SMTP server, both closed after the test. */
export async function seedWithSmtp(t: TestContext): Promise<{ s: Seeded; smtp: SmtpStub }> {
  const s = seed();
  const smtp = await startSmtp();
  t.after(async () => {
    await smtp.close();
    s.cleanup();
  });
  return { s, smtp };
}
