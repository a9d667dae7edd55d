import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Db } from './db.js';

/** Opens an existing database for reading only: no migration, no write (for checks beside a running writer). */
export function openReadOnlyDatabase(file: string): Db | undefined {
  if (!existsSync(file)) return undefined;
  return new Database(file, { readonly: true, fileMustExist: true });
}
