// Dates → ISO 8601 (UTC) or null. Relative phrases ("3 weeks ago") are not guessed at: null.

export function toIso(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  if (!s) return null;
  // Bare calendar date: midnight UTC, not the machine's time zone.
  const ymd = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  let t = ymd ? Date.UTC(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3])) : Date.parse(s);
  if (Number.isNaN(t)) return null;
  // "Oct 3, 2026" has no time and no zone: Date.parse reads it in the machine's zone; pin it to UTC midnight.
  if (!ymd && !/\d:\d\d/.test(s)) {
    const d = new Date(t);
    t = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  }
  const year = new Date(t).getUTCFullYear();
  if (year < 1995 || year > 2100) return null;
  return new Date(t).toISOString();
}
