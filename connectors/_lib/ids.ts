// Stable ids for items that carry none of their own: a hash of what identifies them, never a position.
import { createHash } from 'node:crypto';

export function stableHash(...parts: (string | null | undefined)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update((p ?? '').normalize('NFC')).update('\u0000');
  return 'sha256:' + h.digest('hex').slice(0, 32);
}
