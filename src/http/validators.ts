// ETag / Last-Modified per URL. The daemon persists them in SQLite; one-off commands use this memory store.
import type { ValidatorStore } from './types.ts';

export function createMemoryValidatorStore(): ValidatorStore & { size(): number } {
  const m = new Map<string, { etag?: string; lastModified?: string }>();
  return {
    get: (url) => m.get(url),
    set: (url, v) => {
      m.set(url, { ...(v.etag ? { etag: v.etag } : {}), ...(v.lastModified ? { lastModified: v.lastModified } : {}) });
    },
    size: () => m.size,
  };
}
