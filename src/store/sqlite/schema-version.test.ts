import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../core/errors.js';
import { migrations } from './migrations.js';
import { openDatabase } from './open-database.js';
import { latestSchemaVersion, sqliteSchemaVersion } from './schema-version.js';

describe('sqliteSchemaVersion', () => {
  it('reads a database’s schema version without migrating it; undefined for a missing file; a StoreError for one that is not a database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-schema-'));
    expect(sqliteSchemaVersion(join(dir, 'none.db'))).toBeUndefined();
    const old = join(dir, 'old.db');
    const db = openDatabase(old);
    expect(sqliteSchemaVersion(old)).toBe(latestSchemaVersion());
    db.pragma('user_version = 3');
    db.close();
    expect(sqliteSchemaVersion(old)).toBe(3);
    // Reading it left it as it was.
    expect(sqliteSchemaVersion(old)).toBe(3);
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'not a database at all, only text long enough to fill a header '.repeat(10));
    expect(() => sqliteSchemaVersion(text)).toThrow(StoreError);
  });

  it('reads a version-1 database as 1, and as the latest once opened (migrated)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'redline-schema-')), 'v1.db');
    const old = new Database(file);
    old.exec(migrations[0]!.sql);
    old.pragma('user_version = 1');
    old.close();
    expect(sqliteSchemaVersion(file)).toBe(1);
    openDatabase(file).close();
    expect(sqliteSchemaVersion(file)).toBe(latestSchemaVersion());
  });
});
