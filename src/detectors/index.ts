// Detection engine: the detector registry and `analyze(input, practice)`. Pure and deterministic: entities are
// found once, then every registered detector runs with `{ practice, entities }`.
import type { DetectorDefinition } from '../core/detector.ts';
import type { Analysis, DetectorInput, Entity, Flag, PracticeFacts } from '../core/types.ts';
import { adviceDetector } from './advice.ts';
import { findEntitiesDetailed } from './entities.ts';
import { inaccurateDetector } from './inaccurate.ts';
import { negativeDetector } from './negative.ts';
import { offensiveDetector } from './offensive.ts';
import { phiDetector } from './phi.ts';
import { urgentDetector } from './urgent.ts';

/** Every detector, in a stable order. */
export const DETECTORS: readonly DetectorDefinition[] = [
  negativeDetector,
  offensiveDetector,
  adviceDetector,
  urgentDetector,
  phiDetector,
  inaccurateDetector,
];

/** Changes whenever detector behaviour changes (ids + versions), so stored items can be re-analysed. */
export const ANALYSIS_VERSION = DETECTORS.map((d) => `${d.id}@${d.version}`).join('+');

/** Sorted by start; overlapping spans merged into the earlier one (the longer type wins). */
export function normalizeEntities(found: readonly Entity[]): Entity[] {
  // The entity finder's output is already valid, sorted and non-overlapping: then this is a plain copy.
  if (isClean(found)) return found.map((e) => ({ type: e.type, start: e.start, end: e.end }));
  const sorted = found
    .filter(isValid)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) {
      if (e.end > last.end) {
        const keepType = e.end - e.start > last.end - last.start ? e.type : last.type;
        out[out.length - 1] = { type: keepType, start: last.start, end: e.end };
      }
      continue;
    }
    out.push({ type: e.type, start: e.start, end: e.end });
  }
  return out;
}

function isValid(e: Entity): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && e.end > e.start && e.start >= 0;
}
/** Every span valid, and each starting at or after the previous one's end (so sorted and non-overlapping). */
function isClean(found: readonly Entity[]): boolean {
  let end = 0;
  for (const e of found) {
    if (!isValid(e) || e.start < end) return false;
    end = e.end;
  }
  return true;
}

export function analyze(input: DetectorInput, practice: PracticeFacts): Analysis {
  // Found once, with strengths: phi needs them, inaccurate needs the spans; neither runs the finder again.
  const detailedEntities = findEntitiesDetailed(input.text, practice);
  const entities = normalizeEntities(detailedEntities);
  const ctx = { practice, entities, detailedEntities };
  const flags: Flag[] = [];
  for (const d of DETECTORS) for (const f of d.detect(input, ctx)) flags.push(f);
  return { flags, entities };
}
