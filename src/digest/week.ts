// ISO weeks (YYYY-Www) in the practice's time zone, with nothing but Intl: the week runs from Monday 00:00 to the
// next Monday 00:00 local time, so a DST change makes it 167 or 169 hours long, never a shifted window.
export interface IsoWeek {
  year: number;
  week: number;
}

export interface WeekRange extends IsoWeek {
  /** "2026-W47" */
  label: string;
  /** Monday 00:00 local, ms since epoch (inclusive). */
  start: number;
  /** The next Monday 00:00 local (exclusive). */
  end: number;
  /** Civil dates (local) of the Monday and the Sunday, "YYYY-MM-DD". */
  firstDay: string;
  lastDay: string;
}

const DAY = 86_400_000;
const dtfCache = new Map<string, Intl.DateTimeFormat>();

function dtf(timeZone: string): Intl.DateTimeFormat {
  let f = dtfCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    dtfCache.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for an unknown IANA zone. */
export function assertTimeZone(timeZone: string): void {
  dtf(timeZone);
}

/** Local civil fields of an instant. */
export function localParts(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of dtf(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour! % 24, mi: p.minute!, s: p.second! };
}

function offsetAt(ms: number, timeZone: string): number {
  const l = localParts(ms, timeZone);
  return Date.UTC(l.y, l.m - 1, l.d, l.h, l.mi, l.s) - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant of local midnight starting the civil day y-m-d (or the first local instant of that day). */
export function localMidnight(y: number, m: number, d: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d);
  let t = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(t, timeZone);
  if (second !== t) t = second;
  // A zone whose DST starts at midnight has no 00:00 that day: take the first local instant of the day.
  const l = localParts(t, timeZone);
  if (l.d !== d) t += 3_600_000;
  return t;
}

/** ISO week of a civil date (proleptic Gregorian, UTC arithmetic on the date only). */
export function isoWeekOfDate(y: number, m: number, d: number): IsoWeek {
  const date = new Date(Date.UTC(y, m - 1, d));
  const dow = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(date.getTime() + (3 - dow) * DAY);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / DAY / 7);
  return { year, week };
}

export function weeksInYear(year: number): number {
  return isoWeekOfDate(year, 12, 28).week;
}

export function formatWeek(w: IsoWeek): string {
  return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

/** Parses "YYYY-Www" (also accepts lower-case w); null when malformed or the week does not exist. */
export function parseWeek(s: string): IsoWeek | null {
  const m = /^(\d{4})-[Ww](\d{2})$/.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1970 || week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

function mondayOf(w: IsoWeek): { y: number; m: number; d: number } {
  const jan4 = Date.UTC(w.year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7;
  const monday = new Date(jan4 - dow * DAY + (w.week - 1) * 7 * DAY);
  return { y: monday.getUTCFullYear(), m: monday.getUTCMonth() + 1, d: monday.getUTCDate() };
}

const ymd = (x: { y: number; m: number; d: number }) =>
  `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;

function addDays(x: { y: number; m: number; d: number }, n: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(x.y, x.m - 1, x.d) + n * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function weekRange(w: IsoWeek, timeZone: string): WeekRange {
  const mon = mondayOf(w);
  const next = addDays(mon, 7);
  return {
    ...w,
    label: formatWeek(w),
    start: localMidnight(mon.y, mon.m, mon.d, timeZone),
    end: localMidnight(next.y, next.m, next.d, timeZone),
    firstDay: ymd(mon),
    lastDay: ymd(addDays(mon, 6)),
  };
}

/** The week containing the instant, in the zone. */
export function weekOf(ms: number, timeZone: string): IsoWeek {
  const l = localParts(ms, timeZone);
  return isoWeekOfDate(l.y, l.m, l.d);
}

export function shiftWeek(w: IsoWeek, n: number): IsoWeek {
  const mon = addDays(mondayOf(w), n * 7);
  return isoWeekOfDate(mon.y, mon.m, mon.d);
}

/** The last week that has fully ended at `ms` (local time). */
export function lastCompletedWeek(ms: number, timeZone: string): IsoWeek {
  return shiftWeek(weekOf(ms, timeZone), -1);
}
