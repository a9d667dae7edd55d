import type { ComponentSpec } from '../../core/component-ref.js';
import type { RunFailure, RunStatus, StoredRun } from '../../core/run.js';
import { StoreError } from '../../core/errors.js';
import { runFromRow, type RunRow } from '../run-from-row.js';
import { storeHint, type Db } from './open-database.js';

/** A run's row as SQLite returns it: booleans as 0/1. */
type SqliteRunRow = Omit<RunRow, 'simulated'> & { simulated: number };

function fromRow(row: SqliteRunRow): StoredRun {
  return runFromRow({ ...row, simulated: row.simulated === 1 });
}

/** Runs a write, turning a SQLite failure (read-only file, full disk) into a StoreError with a hint. */
export function writing<T>(db: Db, action: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new StoreError(`cannot ${action} in ${db.name}: ${message}`, { file: db.name, hint: storeHint(error), cause: error });
  }
}

/** Creates a run and registers its components, in one transaction. */
export function createRun(db: Db, input: { run: StoredRun; components: readonly ComponentSpec[] }): void {
  writing(db, 'create the run', () => insertRun(db, input));
}

function insertRun(db: Db, input: { run: StoredRun; components: readonly ComponentSpec[] }): void {
  const { run } = input;
  const insertComponent = db.prepare('INSERT OR IGNORE INTO components (kind, name, hash, spec_json, registry_id) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO runs (id, created_at, finished_at, status, target_id, target_hash, simulated, seed, planned, trials, config_json, base_dir, hashes_json, redline_version, preflight_json)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.id, run.createdAt, run.status, run.targetId, run.hashes.target, run.simulated ? 1 : 0, run.seed, run.planned, run.trials,
      JSON.stringify(run.config), run.baseDir, JSON.stringify(run.hashes), run.redlineVersion, run.preflight === undefined ? null : JSON.stringify(run.preflight));
    for (const c of input.components) insertComponent.run(c.kind, c.instance, c.hash, JSON.stringify(c.spec), c.id);
  })();
}

/** Looks a run up by id. */
export function getRun(db: Db, id: string): StoredRun | undefined {
  const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as SqliteRunRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Looks a run up by id, or fails with a hint listing how to find ids. */
export function requireRun(db: Db, input: { id: string; file: string }): StoredRun {
  const run = getRun(db, input.id);
  if (run === undefined) {
    throw new StoreError(`no run with id ${input.id} in ${input.file}`, { file: input.file, hint: 'list the stored runs with `redline runs`' });
  }
  return run;
}

/** Every run, newest first. */
export function listRuns(db: Db): StoredRun[] {
  return (db.prepare('SELECT * FROM runs ORDER BY created_at DESC, id DESC').all() as SqliteRunRow[]).map(fromRow);
}

/** Sets a run's status and, for a terminal status, its finish time. */
export function setRunStatus(db: Db, input: { id: string; status: RunStatus; at: number; failure?: RunFailure }): void {
  // A run marked anew forgets an earlier failure (a resume that gets through); a failure is set with its 'failed'.
  writing(db, `mark run ${input.id} ${input.status}`, () =>
    db.prepare('UPDATE runs SET status = ?, finished_at = ?, failure_json = ? WHERE id = ?').run(input.status, input.status === 'running' ? null : input.at,
      input.failure === undefined ? null : JSON.stringify(input.failure), input.id));
}

