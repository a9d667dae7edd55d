import pg from 'pg';
import { postgresFailure } from './postgres-error.js';

/** An open PostgreSQL store: its pool, and where it is (password removed) for messages. */
export type Pg = {
  /** The connection pool (a few connections; a writer holds one for the length of a transaction). */
  readonly pool: pg.Pool;
  /** The store URL without its password. */
  readonly location: string;
  /** The password, kept only to scrub it from any message that might echo it. */
  readonly password: string | undefined;
};

/** A connection, or the pool itself: what a statement runs on. */
export type Queryable = pg.Pool | pg.PoolClient;

// int8 (COUNT, bigint columns) and numeric (SUM of bigint) come back from pg as strings; Redline's counts and epoch-ms
// times fit a double exactly, so this pool reads them as numbers. Set on the pool, not on pg.types: no global state.
const INT8 = 20;
const NUMERIC = 1700;
const INT8_ARRAY = 1016;
const NUMERIC_ARRAY = 1231;

function typeParser(oid: number, format?: 'text' | 'binary'): unknown {
  if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
  if (oid === INT8_ARRAY || oid === NUMERIC_ARRAY) return (value: string) => pg.types.arrayParser(value, (entry: string | null) => (entry === null ? null : Number(entry)));
  return pg.types.getTypeParser(oid, format);
}

/** A small pool for one store URL, reading int8 and numeric as numbers. */
export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 6,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    application_name: 'redline',
    types: { getTypeParser: typeParser as pg.CustomTypesConfig['getTypeParser'] },
  });
  // An idle connection the server drops (a restart) is reported here; the next query opens a new one and reports
  // its own failure, so this only keeps the process alive.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs one statement, turning a failure into a StoreError naming what was being done. */
export async function run<R extends object = Record<string, unknown>>(db: Pg, input: { action: string; sql: string; params?: readonly unknown[]; on?: Queryable }): Promise<R[]> {
  try {
    const result = await (input.on ?? db.pool).query<R & pg.QueryResultRow>(input.sql, input.params as unknown[] | undefined);
    return result.rows;
  } catch (error) {
    throw postgresFailure({ location: db.location, password: db.password, action: input.action, error });
  }
}

/** SQLSTATEs after which a transaction may simply be run again: a deadlock, a serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs `work` in one transaction on a connection of its own: committed when it returns, rolled back when it throws.
 * A deadlock or serialization failure runs it again (a few times): every write Redline makes is safe to repeat.
 * With `on`, the transaction runs on that connection, which the caller keeps.
 */
export async function inTransaction<T>(db: Pg, action: string, work: (client: pg.PoolClient) => Promise<T>, on?: pg.PoolClient): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    let client: pg.PoolClient;
    try {
      client = on ?? await db.pool.connect();
    } catch (error) {
      throw postgresFailure({ location: db.location, password: db.password, action, error });
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && RETRYABLE.has(code) && attempt < 4) continue;
      throw postgresFailure({ location: db.location, password: db.password, action, error });
    } finally {
      // A connection lent by the caller goes back to it.
      if (on === undefined) client.release(broken);
    }
  }
}
