import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../../core/errors.js';
import { migrations } from './migrations.js';

import type { Db } from './db.js';

export type { Db } from './db.js';

/** Advice for a failed SQLite operation, chosen from its error code or message; undefined when none fits. */
export function storeHint(error: unknown): string | undefined {
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : '';
  const text = `${code} ${error instanceof Error ? error.message : String(error)}`;
  if (/SQLITE_READONLY|read-?only|EACCES|EROFS|EPERM|permission/i.test(text)) return 'choose a writable location with --db, or fix the file and folder permissions';
  if (/SQLITE_FULL|disk is full|ENOSPC/i.test(text)) return 'free some disk space, or choose another location with --db';
  // Its folder is missing or read-only, or a WAL database cannot create its -wal and -shm files beside it.
  if (/SQLITE_CANTOPEN|unable to open/i.test(text)) return 'check that the folder exists and is writable (SQLite creates -wal and -shm files beside the database), or choose another location with --db';
  if (/SQLITE_IOERR|disk I\/O/i.test(text)) return 'the disk refused a write (full, over a size limit, or failing); free space or choose another location with --db';
  if (/SQLITE_NOTADB|SQLITE_CORRUPT|not a database|malformed|corrupt/i.test(text)) return 'this file is not a Redline database (or is damaged); choose another path with --db';
  return undefined;
}

function fail(file: string, action: string, error: unknown): StoreError {
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(`cannot ${action} database ${file}: ${message}`, { file, hint: storeHint(error), cause: error });
}

/** How a database file is opened. */
export type OpenDatabaseOptions = {
  /** Fail with a StoreError when the file does not exist, creating neither it nor its folder (commands that read). */
  readonly mustExist?: boolean;
};

/** Opens (creating if needed, unless `mustExist`) a Redline database in WAL mode and brings its schema up to date. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const mustExist = options.mustExist === true && file !== ':memory:';
  if (mustExist && !existsSync(file)) {
    throw new StoreError(`database ${file} does not exist`, {
      file, hint: 'check --db (or output.database / output.dir in the configuration); `redline scan` creates the database',
    });
  }
  let db: Db;
  try {
    if (file !== ':memory:' && !mustExist) mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { fileMustExist: mustExist });
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
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const check = (current: number): void => {
    if (current > latest) {
      throw new StoreError(`database ${file} has schema version ${current}, newer than this Redline understands (${latest})`, {
        file,
        hint: 'upgrade redline-ai, or point --db at another file',
      });
    }
  };
  const seen = db.pragma('user_version', { simple: true }) as number;
  check(seen);
  if (seen === latest) return;
  // Every pending step in one transaction: a reader or a crash sees the old schema or the new one, never half. The
  // write lock is taken first and the version read again under it, so two processes opening a new file at once (a
  // scan and `redline serve`, two scans) migrate it once: the second waits, then finds nothing pending.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    check(current);
    const pending = migrations.filter((step) => step.version > current);
    if (pending.length === 0) return;
    for (const step of pending) {
      db.exec(step.sql);
      step.run?.(db);
    }
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
