import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatWeek, lastCompletedWeek, parseWeek, weekOf, weekRange, weeksInYear } from '../../src/digest/week.ts';
import { dueWeek } from '../../src/digest/schedule.ts';
import cron from 'node-cron';

test('parseWeek accepts real ISO weeks only', () => {
  assert.deepEqual(parseWeek('2026-W47'), { year: 2026, week: 47 });
  assert.deepEqual(parseWeek('2026-w01'), { year: 2026, week: 1 });
  assert.equal(weeksInYear(2026), 53);
  assert.equal(weeksInYear(2025), 52);
  assert.deepEqual(parseWeek('2026-W53'), { year: 2026, week: 53 });
  for (const bad of ['2025-W53', '2026-W00', '2026-47', '26-W47', '2026-W4', 'nonsense']) assert.equal(parseWeek(bad), null, bad);
});

test('week ranges are local Monday midnight to Monday midnight, across DST and year ends', () => {
  const tz = 'America/New_York';
  const w47 = weekRange({ year: 2026, week: 47 }, tz);
  assert.equal(new Date(w47.start).toISOString(), '2026-11-16T05:00:00.000Z');
  assert.equal(new Date(w47.end).toISOString(), '2026-11-23T05:00:00.000Z');
  assert.equal(w47.firstDay, '2026-11-16');
  assert.equal(w47.lastDay, '2026-11-22');
  // DST ends Sunday Nov 1 2026 in New York: week 44 is 169 hours long.
  const w44 = weekRange({ year: 2026, week: 44 }, tz);
  assert.equal((w44.end - w44.start) / 3_600_000, 169);
  // ISO week 1 of 2027 starts Monday Jan 4; Jan 1–3 2027 belong to 2026-W53.
  assert.equal(formatWeek(weekOf(Date.parse('2027-01-02T12:00:00Z'), tz)), '2026-W53');
  assert.equal(weekRange({ year: 2027, week: 1 }, tz).firstDay, '2027-01-04');
  // Late Sunday evening in New York is already Monday in UTC: the practice's zone decides.
  assert.equal(formatWeek(weekOf(Date.parse('2026-11-23T03:00:00Z'), tz)), '2026-W47');
  assert.equal(formatWeek(weekOf(Date.parse('2026-11-23T03:00:00Z'), 'UTC')), '2026-W48');
  assert.equal(formatWeek(lastCompletedWeek(Date.parse('2026-11-24T15:00:00Z'), tz)), '2026-W47');
});

test('the digest of a week is due at the first scheduled time after the week ends', async () => {
  const tz = 'America/New_York';
  const task = cron.createTask('0 8 * * 1', () => undefined, { timezone: tz });
  try {
    // Monday Nov 23, 07:59 New York: W47 is over but not due yet, so W46 is the latest due week.
    assert.equal(formatWeek(dueWeek(Date.parse('2026-11-23T12:59:00Z'), tz, task)), '2026-W46');
    assert.equal(formatWeek(dueWeek(Date.parse('2026-11-23T13:00:00Z'), tz, task)), '2026-W47');
    assert.equal(formatWeek(dueWeek(Date.parse('2026-11-27T13:00:00Z'), tz, task)), '2026-W47');
  } finally {
    await task.destroy();
  }
});
