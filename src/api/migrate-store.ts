import { isPostgresLocation, openExistingStore } from './open-store.js';
import { latestSchemaVersion, sqliteSchemaVersion } from '../store/sqlite/schema-version.js';

/** What bringing a store's schema up to date did. */
export type StoreMigration = {
  /** The store. */
  readonly location: string;
  /** Its schema version before (undefined when it could not be read). */
  readonly from: number | undefined;
  /** Its schema version after. */
  readonly to: number;
};

/**
 * Brings an existing store's schema up to date: opening a SQLite file migrates it (every pending step in one
 * transaction); a PostgreSQL database gets every pending step under an advisory lock (so concurrent opens never race).
 * A SQLite store that does not exist is a StoreError and nothing is created.
 */
export async function migrateStore(location: string): Promise<StoreMigration> {
  if (isPostgresLocation(location)) {
    const { migratePostgresStore, postgresLocation } = await import('../store/postgres/index.js');
    return { location: postgresLocation(location), ...(await migratePostgresStore(location)) };
  }
  const from = location === ':memory:' ? undefined : sqliteSchemaVersion(location);
  const store = openExistingStore(location);
  await store.close();
  return { location, from, to: location === ':memory:' ? latestSchemaVersion() : sqliteSchemaVersion(location) ?? latestSchemaVersion() };
}
