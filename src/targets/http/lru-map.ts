/** A map that keeps at most `limit` entries, dropping the least recently used one first. */
export type LruMap<K, V> = {
  /** The value for `key`, marking it as recently used. */
  get(key: K): V | undefined;
  /** Stores `value` as the most recently used entry, dropping the oldest one past the limit. */
  set(key: K, value: V): void;
  /** Forgets every entry. */
  clear(): void;
  /** How many entries it holds. */
  readonly size: number;
};

/** Creates an empty LruMap; a Map iterates in insertion order, so re-inserting on use keeps the oldest first. */
export function createLruMap<K, V>(options: { limit: number }): LruMap<K, V> {
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > options.limit) entries.delete(entries.keys().next().value as K);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
