// One SHA-256 over the training files (paths and contents, in the given order): stored in each model file, so a test
// can tell when a corpus changed without the model being retrained.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function trainingDigest(root: string, files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(`${root}${f}`));
    h.update('\0');
  }
  return h.digest('hex');
}
