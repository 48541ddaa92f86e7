// Detection engine entry point. PLACEHOLDER until the detection issue lands: finds nothing.
import type { Analysis, DetectorInput, PracticeFacts } from '../core/types.ts';

export function analyze(_input: DetectorInput, _practice: PracticeFacts): Analysis {
  return { flags: [], entities: [] };
}

/** Changes whenever detector behaviour changes (ids + versions), so stored items can be re-analysed. */
export const ANALYSIS_VERSION = 'placeholder-0';
