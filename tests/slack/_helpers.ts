// Shared fixtures for the Slack tests: invented people only.
import { Writable } from 'node:stream';
import type { AlertPayload, SourceHealthPayload } from '../../src/core/alert.ts';
import type { Entity, EntityType } from '../../src/core/types.ts';
import { createLogger } from '../../src/log.ts';
import { excerpt, maskText } from '../../src/privacy/mask.ts';
import type { Db } from '../../src/store/db.ts';

export const PLANTED = { name: 'Marisol Quenneville', phone: '(555) 867-5309', diagnosis: 'HIV' };
export const HOSTILE = ['<!channel>', '<!here>', '<@U123>', '<http://x|y>', '<!everyone>'];

/** A raw post with a planted name, phone and diagnosis plus hostile Slack syntax, and its entity spans. */
export function rawPost(): { text: string; entities: Entity[] } {
  const text = `${PLANTED.name} told everyone at the desk about my ${PLANTED.diagnosis} test, call me at ${PLANTED.phone}. <!channel> <@U123> <http://x|y> *bold* \`code\` @here`;
  const span = (s: string, type: EntityType): Entity => ({ type, start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return { text, entities: [span(PLANTED.name, 'person'), span(PLANTED.diagnosis, 'health'), span(PLANTED.phone, 'phone')] };
}

/** What the pipeline would put in the outbox: masked excerpt, PHI-free reasons. */
export function alertPayload(over: Partial<AlertPayload> = {}): AlertPayload {
  const { text, entities } = rawPost();
  return {
    type: 'alert',
    itemId: 1,
    versionId: 1,
    sourceId: 'yelp-main',
    sourceName: 'Yelp main office <!here>',
    url: 'https://www.yelp.example/biz/maple-grove?hrid=abc|<!channel>',
    postedAt: '2026-11-20T14:03:00Z',
    rating: 1,
    severity: 'critical',
    categories: ['phi', 'negative'],
    reasons: [
      { category: 'phi', severity: 'critical', code: 'phi.third_party', reason: 'names a person together with a health condition' },
      { category: 'negative', severity: 'medium', code: 'negative.low_rating', reason: '1-star rating <@U999>' },
    ],
    action: { code: 'phi_offline', text: 'Do not confirm the person is a patient. Call the office manager and report it to the site.' },
    draftReply: 'Thank you for your feedback. We take privacy seriously; please call our office manager at (555) 010-4477.',
    excerpt: excerpt(maskText(text, entities), 400),
    edited: false,
    ...over,
  };
}

export function healthPayload(type: 'source_broken' | 'source_recovered'): SourceHealthPayload {
  return {
    type,
    sourceId: 'yelp-main',
    sourceName: 'Yelp main office',
    error: type === 'source_broken' ? 'page layout changed: the review selector matched nothing' : null,
    consecutiveFailures: type === 'source_broken' ? 3 : 0,
    since: Date.UTC(2026, 10, 20, 9, 0),
  };
}

export function capturedLog() {
  const lines: string[] = [];
  const dest = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger({ level: 'debug', destination: dest }), lines };
}

/** An item + version row so outbox rows with item_id satisfy the foreign keys. */
export function seedItem(db: Db, itemId = 1, now = 1_000): void {
  db.prepare(
    `INSERT INTO items (id, source_id, external_id, kind, url, first_seen_at, last_seen_at, current_version_id)
     VALUES (?, 'yelp-main', ?, 'review', NULL, ?, ?, ?)`,
  ).run(itemId, `ext-${itemId}`, now, now, itemId);
  db.prepare(
    `INSERT INTO item_versions (id, item_id, content_hash, text, excerpt_masked, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(itemId, itemId, `h${itemId}`, rawPost().text, alertPayload().excerpt, now);
}
