import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../core/errors.js';
import { migrations } from './migrations.js';

/** An open SQLite database handle. */
export type Db = Database.Database;

function fail(file: string, action: string, error: unknown): StoreError {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /read-?only|EACCES|EROFS|permission/i.test(message)
    ? 'choose a writable location with --db, or fix the folder permissions'
    : /disk|full|SQLITE_FULL|ENOSPC/i.test(message)
      ? 'free some disk space, or choose another location with --db'
      : /not a database|malformed|corrupt/i.test(message)
        ? 'this file is not a Redline database (or is damaged); choose another path with --db'
        : undefined;
  return new StoreError(`cannot ${action} database ${file}: ${message}`, { file, hint, cause: error });
}

/** Opens (creating if needed) a Redline database in WAL mode and brings its schema up to date. */
export function openDatabase(file: string): Db {
  let db: Db;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw fail(file, 'open', error);
  }
  try {
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error instanceof StoreError ? error : fail(file, 'migrate', error);
  }
  return db;
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new StoreError(`database ${file} has schema version ${current}, newer than this Redline understands (${latest})`, {
      file,
      hint: 'upgrade redline-ai, or point --db at another file',
    });
  }
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}
