import type { RunStore } from '../core/run-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-run-store.js';
import { isPostgresLocation } from './store-location.js';

export { isPostgresLocation, storeLocation } from './store-location.js';

/**
 * Opens the store at `location`: a PostgreSQL URL (the `pg` driver is loaded only then; the password may come from
 * PGPASSWORD instead of the URL), a SQLite file path (created when missing, unless `mustExist`), or ':memory:'.
 */
export async function openStoreAt(location: string, options: { readonly mustExist?: boolean } = {}): Promise<RunStore> {
  if (isPostgresLocation(location)) {
    const { openPostgresStore } = await import('../store/postgres/index.js');
    return openPostgresStore(location, options.mustExist === true ? { mustExist: true } : {});
  }
  return openSqliteStore(location, options.mustExist === true ? { mustExist: true } : {});
}

/** Opens a SQLite store (created when missing), or ':memory:'; for any location, `openStoreAt`. */
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
  return using(await openStoreAt(location), use);
}

/**
 * Runs `use` with an existing store open, for commands that read runs or label attempts: a location that does not
 * exist is a StoreError and nothing is created there. Closes the store however `use` ends.
 */
export async function withExistingStore<T>(location: string, use: (store: RunStore) => Promise<T>): Promise<T> {
  return using(await openStoreAt(location, { mustExist: true }), use);
}

/** Opens an existing store for a long-lived reader (the dashboard): a location that does not exist is a StoreError. */
export function openExistingStore(location: string): RunStore {
  return openSqliteStore(location, { mustExist: true });
}

/** Advice for a raw storage failure that escaped the store's own wrapping, chosen from its code or message. */
export { storeHint } from '../store/sqlite/open-database.js';
