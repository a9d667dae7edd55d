import { StoreError } from '../../core/errors.js';
import { migrations } from './migrations.js';
import { storeHint } from './open-database.js';
import { openReadOnlyDatabase } from './read-only-database.js';

/** The schema version `openDatabase` brings a database to: the last migration's. */
export function latestSchemaVersion(): number {
  return migrations[migrations.length - 1]?.version ?? 0;
}

/**
 * A database file's schema version (SQLite's `user_version`; 0 for an empty file), read without migrating or
 * writing anything; undefined when the file does not exist.
 */
export function sqliteSchemaVersion(file: string): number | undefined {
  try {
    const db = openReadOnlyDatabase(file);
    if (db === undefined) return undefined;
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new StoreError(`cannot read the schema version of ${file}: ${message}`, { file, hint: storeHint(error), cause: error });
  }
}
