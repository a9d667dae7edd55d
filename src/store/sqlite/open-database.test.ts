import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../core/errors.js';
import { migrations } from './migrations.js';
import { openDatabase } from './open-database.js';

describe('database', () => {
  it('creates the schema in WAL mode and reopens without re-running migrations', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'redline-db-')), 'sub', 'r.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('refuses a database from a newer Redline', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'redline-db-')), 'r.db');
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(file)).toThrow(StoreError);
  });

  it('explains a file that is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(mkdtempSync(join(tmpdir(), 'redline-db-')), 'r.db');
    writeFileSync(file, 'this is not sqlite, just text that is long enough to look like a header '.repeat(10));
    expect(() => openDatabase(file)).toThrow(/not a Redline database|cannot open|cannot migrate/);
  });
});

describe('migrations', () => {
  it('upgrades a version-1 database in place, keeping its rows', async () => {
    const Database = (await import('better-sqlite3')).default;
    const file = join(mkdtempSync(join(tmpdir(), 'redline-db-')), 'v1.db');
    const old = new Database(file);
    old.exec(migrations[0]!.sql);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO components (kind, name, hash, spec_json) VALUES ('goal', 'g', 'h', '{}')").run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect((db.prepare('SELECT COUNT(*) AS n FROM components').get() as { n: number }).n).toBe(1);
    expect((db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name)).toEqual(['attempt_id', 'idx', 'type', 'body']);
    db.close();
  });
});
