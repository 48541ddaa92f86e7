// Human durations for the admin: "90s", "30m", "6h", "7d".
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseDuration(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(s);
  if (!m) return null;
  return Math.round(Number(m[1]) * UNITS[m[2]!]!);
}
