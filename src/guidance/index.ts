// PLACEHOLDER until the responder issue lands.
import type { Flag, PracticeFacts } from '../core/types.ts';

export interface Guidance {
  action: { code: string; text: string };
  draftReply: string | null;
}

export function buildGuidance(_flags: readonly Flag[], practice: PracticeFacts, _templates: Record<string, string> = {}): Guidance {
  return {
    action: { code: 'review', text: 'Review this post.' },
    draftReply: `Thank you for your feedback. Please call our office at ${practice.contact_phone} so we can help.`,
  };
}
