// The detector plugin contract: pure, deterministic, no I/O.
import type { Category, DetectorInput, Entity, Flag, PracticeFacts } from './types.ts';

export interface DetectorContext {
  practice: PracticeFacts;
  /** Identifiers and health mentions found once for all detectors. */
  entities: Entity[];
  /**
   * Optional: the same entities with the finder's strength (2 certain, 1 likely, 0 weak guess), computed once by
   * `analyze` so detectors that need strengths (phi) or raw spans (inaccurate) do not run the finder again.
   */
  detailedEntities?: readonly DetailedEntity[];
}

export interface DetailedEntity extends Entity {
  strength: 0 | 1 | 2;
}

export interface DetectorDefinition {
  /** Stable id, e.g. 'negative'. */
  readonly id: string;
  /** Bump when behaviour changes, so stored items can be re-analysed. */
  readonly version: number;
  readonly category: Category;
  detect(input: DetectorInput, ctx: DetectorContext): Flag[];
}
