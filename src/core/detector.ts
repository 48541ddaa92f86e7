// The detector plugin contract: pure, deterministic, no I/O.
import type { Category, DetectorInput, Entity, Flag, PracticeFacts } from './types.ts';

export interface DetectorContext {
  practice: PracticeFacts;
  /** Identifiers and health mentions found once for all detectors. */
  entities: Entity[];
}

export interface DetectorDefinition {
  /** Stable id, e.g. 'negative'. */
  readonly id: string;
  /** Bump when behaviour changes, so stored items can be re-analysed. */
  readonly version: number;
  readonly category: Category;
  detect(input: DetectorInput, ctx: DetectorContext): Flag[];
}
