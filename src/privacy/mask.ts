// Masking of identifier / health spans and excerpts of masked text. Pure, no I/O.
// Input spans come from the entity finder and may overlap, be unsorted, repeat, or point outside the text:
// all of that is tolerated. Whatever a span covered never survives, not even half a surrogate pair.
import type { Entity, EntityType } from '../core/types.ts';

export const PLACEHOLDERS: Readonly<Record<EntityType, string>> = {
  person: '[name]',
  date: '[date]',
  phone: '[phone]',
  email: '[email]',
  address: '[address]',
  id: '[id]',
  age: '[age]',
  url: '[link]',
  health: '[condition]',
};

/** Used for a span whose type is not one we know (a newer detector, a bad row): mask anyway. */
export const FALLBACK_PLACEHOLDER = '[masked]';

export function placeholderFor(type: string): string {
  return Object.hasOwn(PLACEHOLDERS, type) ? PLACEHOLDERS[type as EntityType] : FALLBACK_PLACEHOLDER;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

interface Span {
  start: number;
  end: number;
  type: string;
}

/** Valid spans, clamped to the text, widened so they never split a surrogate pair, merged where they overlap. */
export function normalizeSpans(text: string, entities: readonly Entity[]): Span[] {
  const spans: Span[] = [];
  for (const e of entities) {
    if (!e || typeof e !== 'object') continue;
    let start = Number(e.start);
    let end = Number(e.end);
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    start = Math.max(0, Math.min(text.length, Math.floor(start)));
    end = Math.max(0, Math.min(text.length, Math.ceil(end)));
    if (end <= start) continue;
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
    spans.push({ start, end, type: String(e.type) });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: (Span & { longest: number })[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      // Overlap: one placeholder for the union, typed after the longest member.
      if (s.end - s.start > last.longest) {
        last.longest = s.end - s.start;
        last.type = s.type;
      }
      last.end = Math.max(last.end, s.end);
    } else {
      merged.push({ ...s, longest: s.end - s.start });
    }
  }
  return merged.map(({ start, end, type }) => ({ start, end, type }));
}

/** Replaces each entity span by its placeholder: person → [name], health → [condition], url → [link]… */
export function maskText(text: string, entities: readonly Entity[]): string {
  let out = '';
  let pos = 0;
  for (const s of normalizeSpans(text, entities)) {
    out += text.slice(pos, s.start) + placeholderFor(s.type);
    pos = s.end;
  }
  return out + text.slice(pos);
}

const PLACEHOLDER_RE = new RegExp(
  [...Object.values(PLACEHOLDERS), FALLBACK_PLACEHOLDER].map((p) => p.replace(/[[\]]/g, '\\$&')).join('|'),
  'g',
);
const ELLIPSIS = '…';

/**
 * A one-line excerpt of already-masked text, at most `maxChars` characters (ellipsis included), cut on a word
 * boundary and never inside a placeholder (a half "[cond" would read as a leak) or a surrogate pair.
 */
export function excerpt(masked: string, maxChars: number): string {
  const text = masked.replace(/\s+/g, ' ').trim();
  if (!(maxChars > 0)) return '';
  const max = Math.floor(maxChars);
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  const holders: [number, number][] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) holders.push([m.index, m.index + m[0].length]);
  const inside = (i: number) => holders.find(([s, e]) => i > s && i < e);

  let cut = budget;
  // Prefer the last space at or before the budget (the word after it is dropped whole).
  const space = text.lastIndexOf(' ', cut);
  if (space > 0) cut = space;
  else {
    const h = inside(cut);
    if (h) cut = h[0];
    if (cut > 0 && isLow(text.charCodeAt(cut)) && isHigh(text.charCodeAt(cut - 1))) cut--;
  }
  const h = inside(cut);
  if (h) cut = h[0];
  const head = text.slice(0, cut).replace(/[\s,;:–—-]+$/u, '');
  return head + ELLIPSIS;
}
