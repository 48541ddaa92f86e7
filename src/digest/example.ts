// Renders the sample digest in docs/ from an in-memory store seeded with an invented practice's week
// (every person and post is fictional). Run: node --import tsx src/digest/example.ts docs/digest-example.html
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../store/db.ts';
import { queryDigest } from './query.ts';
import { renderDigest, type RenderedDigest } from './render.ts';

const TZ = 'America/Chicago';
/** Tuesday Nov 24 2026, 09:00 Chicago. */
export const EXAMPLE_NOW = Date.parse('2026-11-24T15:00:00Z');

const SOURCES: Record<string, string> = {
  'google-main': 'Google — Main office',
  'yelp-main': 'Yelp — Main office',
  'practice-blog': 'Practice blog comments',
  'healthgrades': 'Healthgrades',
};

function seedExample(db: Db): void {
  const day = (iso: string) => Date.parse(iso);
  let n = 0;
  const item = (source: string, seen: number, rating: number | null, excerpt: string, status = 'new', url: string | null = null) => {
    n++;
    const id = Number(
      db.prepare(`INSERT INTO items (source_id, external_id, kind, url, first_seen_at, last_seen_at, status) VALUES (?, ?, 'review', ?, ?, ?, ?)`)
        .run(source, `x${n}`, url ?? `https://reviews.example/${source}/${n}`, seen, seen, status).lastInsertRowid,
    );
    const v = Number(
      db.prepare(`INSERT INTO item_versions (item_id, content_hash, text, rating, excerpt_masked, created_at) VALUES (?, ?, NULL, ?, ?, ?)`)
        .run(id, `h${n}`, rating, excerpt, seen).lastInsertRowid,
    );
    db.prepare('UPDATE items SET current_version_id = ? WHERE id = ?').run(v, id);
    return { id, v };
  };
  const flag = (v: number, category: string, severity: string, at: number) =>
    db.prepare(`INSERT INTO findings (version_id, category, severity, code, reason, created_at) VALUES (?, ?, ?, ?, '', ?)`).run(v, category, severity, `${category}.x`, at);
  const act = (id: number, action: string, at: number) =>
    db.prepare(`INSERT INTO item_actions (item_id, action, actor, via, at) VALUES (?, ?, 'U0EXAMPLE', 'slack', ?)`).run(id, action, at);

  // Eight earlier weeks of ratings: a practice averaging a little over 4 stars.
  const history = [[5, 4, 4], [4, 5], [3, 4, 5, 4], [5, 5, 4], [4], [4, 3, 5], [5, 4, 4, 4], [4, 5, 3]];
  history.forEach((ratings, w) => {
    ratings.forEach((r, i) => item(i % 2 ? 'yelp-main' : 'google-main', day('2026-09-23T16:00:00Z') + w * 7 * 86_400_000 + i * 3_600_000, r, 'Friendly staff and short waits.', 'responded'));
  });

  // An older open item (two weeks ago).
  const old = item('healthgrades', day('2026-11-04T17:00:00Z'), 2, 'The front desk told me the wrong hours on the phone twice.');
  flag(old.v, 'inaccurate', 'medium', day('2026-11-04T17:00:00Z'));

  // The digest week, 2026-W47 (Nov 16–22).
  const a = item('google-main', day('2026-11-16T15:20:00Z'), 1, '[name] was rude to my mother at check-in and nobody called back about her [condition] results.', 'acknowledged');
  flag(a.v, 'negative', 'high', day('2026-11-16T15:25:00Z'));
  flag(a.v, 'phi', 'high', day('2026-11-16T15:25:00Z'));
  act(a.id, 'ack', day('2026-11-16T15:52:00Z'));
  const b = item('practice-blog', day('2026-11-18T02:10:00Z'), null, 'Is it safe to double my [medication] dose if the pain is worse at night?');
  flag(b.v, 'advice', 'medium', day('2026-11-18T02:12:00Z'));
  const c = item('yelp-main', day('2026-11-19T18:00:00Z'), 2, 'Waited 50 minutes past my appointment. Billing was confusing too.', 'responded');
  flag(c.v, 'negative', 'medium', day('2026-11-19T18:02:00Z'));
  act(c.id, 'ack', day('2026-11-19T18:14:00Z'));
  act(c.id, 'done', day('2026-11-20T14:30:00Z'));
  const d = item('practice-blog', day('2026-11-20T04:40:00Z'), null, 'I feel like giving up, nothing the doctors do helps anymore.', 'responded');
  flag(d.v, 'urgent', 'critical', day('2026-11-20T04:41:00Z'));
  act(d.id, 'ack', day('2026-11-20T04:49:00Z'));
  act(d.id, 'done', day('2026-11-20T05:30:00Z'));
  for (const [r, src, t] of [[5, 'google-main', '2026-11-17T14:00:00Z'], [4, 'google-main', '2026-11-20T20:00:00Z'], [5, 'yelp-main', '2026-11-21T16:00:00Z'], [3, 'healthgrades', '2026-11-22T18:00:00Z']] as const) {
    item(src, day(t), r, 'Kind nurses, easy parking.', 'responded');
  }
  const e = item('yelp-main', day('2026-11-21T19:00:00Z'), 3, 'Good doctor but the office manager is a [offensive word].');
  flag(e.v, 'offensive', 'medium', day('2026-11-21T19:01:00Z'));
  flag(e.v, 'negative', 'low', day('2026-11-21T19:01:00Z'));

  db.prepare(
    `INSERT INTO outbox (idempotency_key, channel, kind, item_id, payload_json, status, attempts, next_attempt_at, last_error, created_at)
     VALUES ('alert:vX:slack', 'slack', 'alert', ?, ?, 'dead', 12, 0, 'slack: channel_not_found (check responder.slack_channel)', ?)`,
  ).run(e.id, JSON.stringify({ sourceName: SOURCES['yelp-main'] }), day('2026-11-21T19:01:00Z'));
  db.prepare(
    `INSERT INTO source_health (source_id, consecutive_failures, last_error, last_error_code, broken, broken_since)
     VALUES ('healthgrades', 5, 'page layout changed: the review selector matched nothing', 'PW_SELECTOR_EMPTY', 1, ?)`,
  ).run(day('2026-11-22T10:00:00Z'));
}

export function renderExampleDigest(): RenderedDigest {
  const db = openDb(':memory:');
  try {
    seedExample(db);
    const data = queryDigest(db, { week: { year: 2026, week: 47 }, timeZone: TZ, now: EXAMPLE_NOW, sourceNames: SOURCES });
    return renderDigest(data, { practiceName: 'Maple Grove Family Medicine' });
  } finally {
    db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? 'docs/digest-example.html';
  const r = renderExampleDigest();
  writeFileSync(out, r.html);
  writeFileSync(out.replace(/\.html?$/i, '.txt'), `Subject: ${r.subject}\n\n${r.text}`);
  process.stdout.write(`wrote ${out}\n`);
}
