// A bounded per-word memo for the finders' hot paths: the same few thousand words fill most texts.

/** `fn`'s result per key, computed once; the whole cache is dropped when it reaches `max` entries. */
export function boundedMemo<V>(fn: (key: string) => V, max = 50_000): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
}
