import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queryDigest } from '../../src/digest/query.ts';
import { renderDigest } from '../../src/digest/render.ts';
import { HOSTILE_EXCERPT, HOSTILE_SOURCE, NOW, PLANTED, SOURCES, TZ, seed } from './_seed.ts';

const names = Object.fromEntries(SOURCES.map((s) => [s.id, s.name]));

test('queryDigest: new items, flags, ratings, open items, problems and response times of the week', (t) => {
  const s = seed();
  t.after(s.cleanup);
  const d = queryDigest(s.db, { week: { year: 2026, week: 47 }, timeZone: TZ, now: NOW, sourceNames: names });
  assert.equal(d.week.label, '2026-W47');
  assert.equal(d.newItems.total, 5);
  assert.deepEqual(d.newItems.bySource.map((x) => [x.sourceId, x.count]), [['google-main', 4], ['yelp-x', 1]]);
  // A (phi high + negative medium), B (urgent critical), D (negative medium), L (negative low).
  assert.equal(d.flagged.total, 4);
  const byCat = Object.fromEntries(d.flagged.byCategory.map((c) => [c.category, c.bySeverity]));
  assert.deepEqual(byCat.negative, { low: 1, medium: 2, high: 0, critical: 0 });
  assert.deepEqual(byCat.phi, { low: 0, medium: 0, high: 1, critical: 0 });
  assert.deepEqual(byCat.urgent, { low: 0, medium: 0, high: 0, critical: 1 });
  assert.deepEqual(d.flagged.bySeverity, { low: 1, medium: 1, high: 1, critical: 1 });
  // Ratings this week: 1, 2, 5, 4 → 3.0; the previous 8 weeks: E 3, F 4, G 2 → 3.0.
  assert.equal(d.ratings.thisWeek.avg, 3);
  assert.equal(d.ratings.thisWeek.count, 4);
  assert.equal(d.ratings.previous.avg, 3);
  assert.equal(d.ratings.previous.count, 3);
  assert.equal(d.ratings.trend.length, 9);
  assert.deepEqual(d.ratings.trend.map((w) => w.count), [0, 0, 0, 1, 0, 1, 1, 0, 4]);
  // Still open, oldest first: E (W45), A, B. D was responded to; L is low severity (never alerted).
  assert.deepEqual(d.open.items.map((i) => i.itemId), [s.ids.E, s.ids.A, s.ids.B]);
  assert.equal(d.open.total, 3);
  const b = d.open.items.find((i) => i.itemId === s.ids.B)!;
  assert.equal(b.url, null, 'a javascript: URL is never a link');
  assert.equal(b.severity, 'critical');
  assert.equal(d.open.items[0]!.ageMs, NOW - Date.parse('2026-11-04T15:00:00Z'));
  assert.equal(d.deadLetters.thisWeek.length, 1);
  assert.equal(d.deadLetters.olderCount, 1);
  assert.equal(d.brokenSources.length, 1);
  assert.equal(d.brokenSources[0]!.sourceName, HOSTILE_SOURCE);
  // Acknowledged: B after 30 min, D after 10 min → median 20 min; responded: D after 2 h.
  assert.equal(d.responseTimes.thisWeek.ack.medianMs, 20 * 60_000);
  assert.equal(d.responseTimes.thisWeek.ack.count, 2);
  assert.equal(d.responseTimes.thisWeek.responded.medianMs, 2 * 3_600_000);
  assert.equal(d.responseTimes.previous.ack.count, 0);
});

test('renderDigest: masked, escaped, table chart, open items with safe links, plain-text twin', (t) => {
  const s = seed();
  t.after(s.cleanup);
  const d = queryDigest(s.db, { week: { year: 2026, week: 47 }, timeZone: TZ, now: NOW, sourceNames: names });
  const r = renderDigest(d, { practiceName: 'Maple Grove <Family> Medicine' });
  for (const part of [r.subject, r.html, r.text]) {
    for (const p of PLANTED) assert.ok(!part.includes(p), `planted "${p}" leaked`);
  }
  assert.match(r.subject, /^Weekly digest 2026-W47 \(Nov 16 – 22, 2026\)/);
  // No live markup from sources: no script, no injected img, no javascript: URL, no external images at all.
  assert.ok(!/<script/i.test(r.html));
  assert.ok(!/<img/i.test(r.html));
  assert.ok(!/javascript:/i.test(r.html));
  assert.ok(!/onerror=alert/i.test(r.html.replace(/&lt;img src=x onerror=alert\(1\)&gt;/g, '')));
  assert.ok(r.html.includes('&lt;script&gt;alert(&quot;src&quot;)&lt;/script&gt; Yelp'));
  assert.ok(r.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(r.html.includes('Maple Grove &lt;Family&gt; Medicine'));
  assert.ok(!/<link|<style|src=["']?http/i.test(r.html), 'inline CSS only, nothing external');
  assert.match(r.html, /max-width:600px/);
  // The chart: 9 week rows; this week's bar is 60% (3.0 of 5 stars).
  const chart = /<table[^>]*data-chart="ratings">([^]*?)<\/table>\n<p/.exec(r.html)![1]!;
  assert.equal((chart.match(/<td width="64"/g) ?? []).length, 18);
  assert.match(chart, /<td width="60%" bgcolor="#1d4ed8"/);
  // Open items, oldest first, with their links.
  const order = [...r.html.matchAll(/data-open-item="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(order, [s.ids.E, s.ids.A, s.ids.B]);
  assert.ok(r.html.includes('href="https://reviews.example/r/a"'));
  assert.match(r.html, /Still open \(3\)/);
  assert.match(r.html, /could not be delivered by slack after 12 attempts/);
  assert.match(r.html, /has not been checked successfully since Nov 19, 2026 \(4 failed attempts in a row\)/);
  assert.match(r.html, /20 min \(2 items\)/);
  // The text part carries the same content.
  assert.match(r.text, /Still open \(3\)/i);
  assert.ok(r.text.includes(HOSTILE_EXCERPT), 'plain text shows the masked excerpt as text');
  assert.ok(r.text.includes('https://reviews.example/r/a'));
  assert.ok(!r.text.includes('javascript:'));
  assert.match(r.text, /To acknowledged: 20 min \(2 items\) this week/);
});

test('an empty week renders without gaps or NaN', (t) => {
  const s = seed();
  t.after(s.cleanup);
  const d = queryDigest(s.db, { week: { year: 2026, week: 30 }, timeZone: TZ, now: NOW, sourceNames: names });
  assert.equal(d.newItems.total, 0);
  assert.equal(d.ratings.thisWeek.avg, null);
  const r = renderDigest(d, { practiceName: 'Maple Grove' });
  assert.ok(!/NaN|undefined|null/.test(r.html + r.text));
  assert.match(r.html, /Nothing was flagged this week/);
  assert.match(r.text, /No rated reviews this week/);
});
