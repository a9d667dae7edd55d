import type { RunStore } from '../../core/run-store.js';
import { createPool, run, type Pg } from './db.js';
import { postgresLocation, postgresPassword } from './location.js';
import { migrateSchema } from './migrate.js';
import { postgresRunStore } from './postgres-run-store.js';

/** How a PostgreSQL store is opened. */
export type OpenPostgresOptions = {
  /** The database must already hold Redline's schema (commands that read): one without is a StoreError telling to migrate. */
  readonly mustExist?: boolean;
  /** Apply pending schema steps on open (default true); false: a schema behind this Redline is a StoreError telling to migrate. */
  readonly migrate?: boolean;
};

/**
 * Opens the PostgreSQL database at `url` (postgres://user:password@host:port/database) as a RunStore: a small pool,
 * the connection checked, and the schema created or brought up to date under an advisory lock. Every message and
 * the store's `location` show the URL without its password.
 */
export async function openPostgresStore(url: string, options: OpenPostgresOptions = {}): Promise<RunStore> {
  const db: Pg = { pool: createPool(url), location: postgresLocation(url), password: postgresPassword(url) };
  try {
    await run(db, { action: 'open the store', sql: 'SELECT 1' });
    await migrateSchema(db, { create: options.mustExist !== true, apply: options.migrate !== false });
  } catch (error) {
    await db.pool.end().catch(() => undefined);
    throw error;
  }
  return postgresRunStore(db);
}
