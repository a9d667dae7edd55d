import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { openDatabase } from '../../src/store/open-database.js';

/** One read of a database, taken inside a single read transaction so its counts agree with each other. */
export type Snapshot = {
  /** Attempts stored. */
  readonly attempts: number;
  /** Turns stored. */
  readonly turns: number;
  /** Scores stored. */
  readonly scores: number;
  /** Attempts with no turns or no scores: a torn write if ever non-zero. */
  readonly bare: number;
};

const count = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** Reads attempt, turn and score counts in one transaction (a consistent WAL snapshot). */
export function readSnapshot(db: Database.Database): Snapshot {
  return db.transaction(() => ({
    attempts: count(db, 'SELECT COUNT(*) AS n FROM attempts'),
    turns: count(db, 'SELECT COUNT(*) AS n FROM turns'),
    scores: count(db, 'SELECT COUNT(*) AS n FROM scores'),
    bare: count(db, `SELECT COUNT(*) AS n FROM attempts a
      WHERE NOT EXISTS (SELECT 1 FROM turns t WHERE t.attempt_id = a.id) OR NOT EXISTS (SELECT 1 FROM scores s WHERE s.attempt_id = a.id)`),
  }))();
}

/** Opens a second, read-only connection to a database another process is writing; undefined until its schema exists. */
export function openReader(file: string): Database.Database | undefined {
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    count(db, 'SELECT COUNT(*) AS n FROM attempts');
    return db;
  } catch {
    // The writer has created the file but not yet its schema.
    db.close();
    return undefined;
  }
}

/** Waits until a database holds at least `atLeast` attempts, polling every `pollMs`; returns the count it saw. */
export async function waitForAttempts(file: string, atLeast: number, options: { pollMs?: number; timeoutMs?: number } = {}): Promise<number> {
  const pollMs = options.pollMs ?? 20;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let db: Database.Database | undefined;
  try {
    while (Date.now() < deadline) {
      db ??= openReader(file);
      const n = db === undefined ? 0 : count(db, 'SELECT COUNT(*) AS n FROM attempts');
      if (n >= atLeast) return n;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    db?.close();
  }
  throw new Error(`fewer than ${atLeast} attempts were recorded in time`);
}

/** A run row as the tests compare it. */
export type RunRow = { id: string; status: string; planned: number };

/** Runs, attempt count and distinct plan positions stored in a database (after its writers have exited). */
export function stored(file: string): { runs: RunRow[]; count: number; distinct: number } {
  const db = openDatabase(file);
  try {
    return {
      runs: db.prepare('SELECT id, status, planned FROM runs').all() as RunRow[],
      count: count(db, 'SELECT COUNT(*) AS n FROM attempts'),
      distinct: count(db, 'SELECT COUNT(DISTINCT seq) AS n FROM attempts'),
    };
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of a database file, read without migrating or writing it. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
