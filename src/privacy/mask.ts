// PLACEHOLDER until the responder issue lands: masks every entity span as [masked].
import type { Entity } from '../core/types.ts';

export function maskText(text: string, entities: readonly Entity[]): string {
  const spans = [...entities].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of spans) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + '[masked]';
    pos = e.end;
  }
  return out + text.slice(pos);
}
