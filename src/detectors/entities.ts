// The entity finder: every HIPAA Safe Harbor identifier and every health mention in a text.
// `findEntities` returns sorted, non-overlapping spans (JS string indices, end exclusive);
// `findEntitiesDetailed` adds a strength used by the phi detector (a weak guess is masked but is not, alone,
// enough to call a text identifying). Pure and synchronous.
import type { Entity, PracticeFacts } from '../core/types.ts';
import { findHealth } from './pii/health.ts';
import { findCuedAges, findPatterns, noAgeCues, type Found } from './pii/patterns.ts';
import { findPersons, type PracticeNames } from './pii/person.ts';

export type { Found } from './pii/patterns.ts';

// When spans overlap, the stronger finding wins, then the longer span, then the earlier type in this list.
const PRIORITY: Record<Entity['type'], number> = {
  email: 0,
  url: 1,
  id: 2,
  date: 3,
  phone: 4,
  address: 5,
  age: 6,
  health: 7,
  person: 8,
};

const namesCache = new WeakMap<PracticeFacts, PracticeNames>();

function practiceNames(practice: PracticeFacts): PracticeNames {
  let names = namesCache.get(practice);
  if (!names) {
    // Each name's words plus their initials ("Maria C." is Maria Chen; "Maria S." is someone else).
    const toSet = (s: string) => {
      const words = s
        .toLowerCase()
        .split(/[^\p{L}'’-]+/u)
        .filter((w) => w.length > 1 && !/^(?:dr|md|do|np|pa|rn|dds|mr|mrs|ms)$/.test(w));
      return new Set([...words, ...words.slice(1).map((w) => w[0]!)]);
    };
    const all = [...(practice.providers ?? []).map((p) => p.name), ...(practice.staff ?? []), practice.name ?? ''];
    names = { exclude: all.filter(Boolean).map(toSet).filter((s) => s.size > 0) };
    namesCache.set(practice, names);
  }
  return names;
}

export function findEntitiesDetailed(text: string, practice: PracticeFacts): Found[] {
  if (!text) return [];
  // findPatterns returns a fresh array: the other finders' spans are appended to it (no intermediate arrays).
  const found: Found[] = findPatterns(text);
  for (const e of findHealth(text)) found.push({ ...e, strength: 2 });
  const cues = noAgeCues();
  for (const p of findPersons(text, practiceNames(practice), cues)) found.push(p);
  // Ages that need a cue word ("seventy-two", "my father is 72"): the person finder's tokens say which cues are there.
  for (const a of findCuedAges(text, cues)) found.push(a);
  splitNameLineFromAddress(text, found);
  return resolve(found);
}

/**
 * "Billing address: Sara Schwarz\n 28245 Puruntie 82…": an address block whose first line is a name the person
 * finder also found starts after that line, so the name is kept as a person (and masked as [name]).
 */
function splitNameLineFromAddress(text: string, found: Found[]): void {
  for (const a of found) {
    if (a.type !== 'address') continue;
    const nl = text.indexOf('\n', a.start);
    if (nl < 0 || nl >= a.end) continue;
    const lineEnd = text.slice(a.start, nl).trimEnd().length + a.start;
    if (!found.some((p) => p.type === 'person' && p.start <= a.start && p.end >= lineEnd)) continue;
    let next = nl + 1;
    while (next < a.end && /\s/.test(text[next]!)) next++;
    if (next < a.end) a.start = next;
  }
}

export function findEntities(text: string, practice: PracticeFacts): Entity[] {
  return findEntitiesDetailed(text, practice).map(({ type, start, end }) => ({ type, start, end }));
}

/** Greedy: by priority, then strength, then length; drop anything overlapping an already-kept span. */
function resolve(found: Found[]): Found[] {
  // Most texts have no span or a single one.
  if (found.length === 0) return found;
  if (found.length === 1) return found[0]!.end > found[0]!.start ? found : [];
  const ordered = found
    .filter((f) => f.end > f.start)
    .sort(
      (a, b) =>
        b.strength - a.strength || b.end - b.start - (a.end - a.start) || PRIORITY[a.type] - PRIORITY[b.type] || a.start - b.start,
    );
  const kept: Found[] = [];
  for (const f of ordered) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
