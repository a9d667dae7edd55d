import type { RunStore } from '../core/run-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-run-store.js';

/** Opens the store a command or a library call names: a SQLite file path (created when missing), or ':memory:'. */
export function openStore(location: string): RunStore {
  return openSqliteStore(location);
}

/** Runs `use` with the store at `location` open, and closes it however `use` ends. */
export async function withStore<T>(location: string, use: (store: RunStore) => Promise<T>): Promise<T> {
  const store = openStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Advice for a raw storage failure that escaped the store's own wrapping, chosen from its code or message. */
export { storeHint } from '../store/sqlite/open-database.js';
