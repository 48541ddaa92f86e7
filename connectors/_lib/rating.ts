// Ratings → 1–5 (one decimal) or null.

/** Scale a value on 0..best to 1..5 (8/10 → 4; 1/10 → 1). Out of range → null. */
export function normaliseRating(value: number, best = 5): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(best) || best <= 0) return null;
  if (value <= 0 || value > best) return null;
  const r = (value / best) * 5;
  return Math.round(Math.min(5, Math.max(1, r)) * 10) / 10;
}

/** "4 stars", "4/5", "4.5 out of 5", "Rated 3 of 10", "★★★★☆", "8" (with scale 10). */
export function parseRatingText(text: string | null | undefined, scale = 5): number | null {
  if (!text) return null;
  const s = text.trim();
  const filled = (s.match(/[★⭐]/g) ?? []).length;
  if (filled > 0 && /^[★⭐☆✩\s]+$/.test(s)) return normaliseRating(filled, 5);
  const of = s.match(/(\d+(?:[.,]\d+)?)\s*(?:\/|out of|of)\s*(\d+(?:[.,]\d+)?)/i);
  if (of) return normaliseRating(num(of[1]!), num(of[2]!));
  const n = s.match(/(\d+(?:[.,]\d+)?)/);
  return n ? normaliseRating(num(n[1]!), scale) : null;
}

function num(s: string): number {
  return Number(s.replace(',', '.'));
}
