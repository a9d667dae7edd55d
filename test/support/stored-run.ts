import { openDatabase, type Db } from '../../src/store/sqlite/open-database.js';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { openReadOnlyDatabase } from '../../src/store/sqlite/read-only-database.js';

/** One read of a database, taken inside a single read transaction so its counts agree with each other. */
export type Snapshot = {
  /** Attempts stored. */
  readonly attempts: number;
  /** Message events stored. */
  readonly turns: number;
  /** Score events stored. */
  readonly scores: number;
  /** Attempts with no message or no closing (score or error) event: a torn write if ever non-zero. */
  readonly bare: number;
};

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** Reads attempt, turn and score counts in one transaction (a consistent WAL snapshot). */
export function readSnapshot(db: Db): Snapshot {
  return db.transaction(() => ({
    attempts: count(db, 'SELECT COUNT(*) AS n FROM attempts'),
    turns: count(db, "SELECT COUNT(*) AS n FROM events WHERE type = 'message'"),
    scores: count(db, "SELECT COUNT(*) AS n FROM events WHERE type = 'score'"),
    bare: count(db, `SELECT COUNT(*) AS n FROM attempts a
      WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.attempt_id = a.id AND e.type = 'message')
         OR NOT EXISTS (SELECT 1 FROM events e WHERE e.attempt_id = a.id AND e.type IN ('score', 'error'))`),
  }))();
}

/** Opens a second, read-only connection to a database another process is writing; undefined until its schema exists. */
export function openReader(file: string): Db | undefined {
  const db = openReadOnlyDatabase(file);
  if (db === undefined) return undefined;
  try {
    if (db.pragma('user_version', { simple: true }) !== migrations.at(-1)!.version) throw new Error('schema not ready');
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
  let db: Db | undefined;
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
  const db = openReadOnlyDatabase(file)!;
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
