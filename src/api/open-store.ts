import type { RunStore } from '../core/run-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-run-store.js';

/** Opens the store a command or a library call names: a SQLite file path (created when missing), or ':memory:'. */
export function openStore(location: string): RunStore {
  return openSqliteStore(location);
}

// Runs `use` and closes the store however it ends.
async function using<T>(store: RunStore, use: (store: RunStore) => Promise<T>): Promise<T> {
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Runs `use` with the store at `location` open (created when missing), and closes it however `use` ends. */
export async function withStore<T>(location: string, use: (store: RunStore) => Promise<T>): Promise<T> {
  return using(openStore(location), use);
}

/**
 * Runs `use` with an existing store open, for commands that read runs or label attempts: a location that does not
 * exist is a StoreError and nothing is created there. Closes the store however `use` ends.
 */
export async function withExistingStore<T>(location: string, use: (store: RunStore) => Promise<T>): Promise<T> {
  return using(openExistingStore(location), use);
}

/** Opens an existing store for a long-lived reader (the dashboard): a location that does not exist is a StoreError. */
export function openExistingStore(location: string): RunStore {
  return openSqliteStore(location, { mustExist: true });
}

/** Advice for a raw storage failure that escaped the store's own wrapping, chosen from its code or message. */
export { storeHint } from '../store/sqlite/open-database.js';
