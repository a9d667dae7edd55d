import type { NamedHash } from '../core/counts.js';

/** Components given as 'hash:name' entries (nulls skipped), split at the first colon: hashes are hex, a name may hold anything. */
export function namedHashes(entries: readonly (string | null)[]): NamedHash[] {
  return entries
    .filter((entry): entry is string => entry !== null)
    .map((entry) => ({ hash: entry.slice(0, entry.indexOf(':')), name: entry.slice(entry.indexOf(':') + 1) }));
}
