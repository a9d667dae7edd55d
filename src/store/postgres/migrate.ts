import type pg from 'pg';
import { StoreError } from '../../core/errors.js';
import { createPool, inTransaction, run, type Pg } from './db.js';
import { postgresLocation, postgresPassword } from './location.js';
import { postgresMigrations } from './migrations.js';
import { postgresFailure } from './postgres-error.js';

/** The advisory lock every migration of a database takes, so processes opening a new database at once migrate it once. */
const MIGRATION_LOCK = 7_036_037_001;

/** What happens on open: create the schema when it is missing, apply pending steps, or only check. */
export type SchemaPolicy = {
  /** Create the schema in a database that has none (false: a StoreError telling to migrate). */
  readonly create: boolean;
  /** Apply pending steps (false: a database behind this Redline is a StoreError telling to migrate). */
  readonly apply: boolean;
};

const latest = postgresMigrations[postgresMigrations.length - 1]?.version ?? 0;

async function schemaVersion(db: Pg, on?: Parameters<typeof run>[1]['on']): Promise<number | undefined> {
  const [row] = await run<{ present: boolean }>(db, { action: 'read the schema version', sql: `SELECT to_regclass('redline_schema') IS NOT NULL AS present`, ...(on ? { on } : {}) });
  if (row?.present !== true) return undefined;
  const [version] = await run<{ version: number }>(db, { action: 'read the schema version', sql: 'SELECT max(version) AS version FROM redline_schema', ...(on ? { on } : {}) });
  return version?.version ?? 0;
}

function check(db: Pg, input: { version: number | undefined; policy: SchemaPolicy }): void {
  const migrate = 'run `redline store migrate` with this URL (it creates or updates the schema), then try again';
  if (input.version === undefined && !input.policy.create) {
    throw new StoreError(`database ${db.location} has no Redline schema`, { file: db.location, hint: migrate });
  }
  if (input.version !== undefined && input.version > latest) {
    throw new StoreError(`database ${db.location} has schema version ${input.version}, newer than this Redline understands (${latest})`, {
      file: db.location, hint: 'upgrade redline-ai, or point the store URL at another database',
    });
  }
  if (input.version !== undefined && input.version < latest && !input.policy.apply) {
    throw new StoreError(`database ${db.location} has schema version ${input.version}; this Redline needs ${latest}`, { file: db.location, hint: migrate });
  }
}

/**
 * Brings the database's schema up to date: every pending step in one transaction, under an advisory lock, the
 * version read again once the lock is held — a second process opening at once waits, then finds nothing to do.
 */
export async function migrateSchema(db: Pg, policy: SchemaPolicy): Promise<{ from: number; to: number }> {
  const seen = await schemaVersion(db);
  check(db, { version: seen, policy });
  if (seen === latest) return { from: latest, to: latest };
  // A session lock taken before the transaction begins: the transaction then starts after any other migration
  // committed, and sees its tables (a transaction begun before it would keep a stale catalog entry of "no table").
  let client: pg.PoolClient;
  try {
    client = await db.pool.connect();
  } catch (error) {
    throw postgresFailure({ location: db.location, password: db.password, action: 'migrate the schema', error });
  }
  let broken = false;
  try {
    await run(db, { action: 'wait for another migration', sql: 'SELECT pg_advisory_lock($1)', params: [MIGRATION_LOCK], on: client });
    return await inTransaction(db, 'migrate the schema', async (tx) => {
      const current = await schemaVersion(db, tx);
      check(db, { version: current, policy });
      const from = current ?? 0;
      if (from === latest) return { from, to: latest };
      if (current === undefined) await tx.query('CREATE TABLE redline_schema (version integer NOT NULL)');
      for (const step of postgresMigrations.filter((s) => s.version > from)) await tx.query(step.sql);
      await tx.query('DELETE FROM redline_schema');
      await tx.query('INSERT INTO redline_schema (version) VALUES ($1)', [latest]);
      return { from, to: latest };
    }, client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {
      broken = true;
    });
    // A connection whose unlock failed is closed, which releases its session lock.
    client.release(broken);
  }
}

/** Applies pending schema steps to the database at `url` (creating the schema in an empty one); safe to repeat. */
export async function migratePostgresStore(url: string): Promise<{ from: number; to: number }> {
  const db: Pg = { pool: createPool(url), location: postgresLocation(url), password: postgresPassword(url) };
  try {
    return await migrateSchema(db, { create: true, apply: true });
  } finally {
    await db.pool.end();
  }
}
