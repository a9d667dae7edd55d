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

describe('migration 5: turns and scores become the event log', () => {
  it('rewrites a schema-4 attempt (conversion, translation, pruned branch, scores, error) so it reads back the same', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { sqliteRunStore } = await import('./sqlite-run-store.js');
    const file = join(mkdtempSync(join(tmpdir(), 'redline-db-')), 'v4.db');
    const old = new Database(file);
    for (const step of migrations.slice(0, 4)) old.exec(step.sql);
    old.pragma('user_version = 4');
    old.exec(`
      INSERT INTO runs VALUES ('r-old', 1, 2, 'completed', 'demo', 'th', 1, 7, 2, 1, '{}', '/tmp', '{"target":"th","goals":"g","techniques":{},"chains":{},"scorers":{}}', '0.1.0');
      INSERT INTO components (ref, kind, name, hash, spec_json) VALUES
        (1, 'goal', 'g', 'hg', '{"id":"g","text":"Goal","category":"c","persona":"malicious","source":"t"}'),
        (2, 'technique', 'many-shot(shots=4)', 'ht', '{"id":"many-shot","version":1,"options":{"shots":4}}'),
        (3, 'chain', 'base64', 'hc', '[]'),
        (4, 'scorer', 'refusal', 'hs', '{"id":"refusal"}'),
        (5, 'scorer', 'canary', 'hs2', '{"id":"canary"}');
      INSERT INTO attempts (id, run_id, seq, goal_ref, technique_ref, chain_ref, scorer_ref, trial, category, persona, outcome, retries, latency_ms, started_at, finished_at)
        VALUES (10, 'r-old', 0, 1, 2, 3, 4, 0, 'c', 'malicious', 'success', 0, 3, 1, 2);
      INSERT INTO attempts (id, run_id, seq, goal_ref, technique_ref, chain_ref, scorer_ref, trial, category, persona, outcome, error_kind, error_message, retries, latency_ms, started_at, finished_at)
        VALUES (11, 'r-old', 1, 1, 2, 3, NULL, 1, 'c', 'malicious', 'error', 'http-500', 'down', 2, 3, 1, 2);
      INSERT INTO turns (attempt_id, idx, role, content, original, interpreted, source, node, pruned) VALUES
        (10, 0, 'user', 'R29hbA==', 'Goal', NULL, 'attacker', 'b0', 1),
        (10, 1, 'assistant', 'ZU: yebo', NULL, 'yes', NULL, 'b0', 1),
        (10, 2, 'user', 'R28=', 'Go', NULL, 'attacker', 'b1', 0),
        (10, 3, 'assistant', 'Sure', NULL, NULL, NULL, 'b1', 0),
        (11, 0, 'user', 'R29hbA==', 'Goal', NULL, NULL, NULL, 0);
      INSERT INTO scores (attempt_id, scorer_ref, verdict, label, value, reason) VALUES (10, 4, 'success', 'compliance', NULL, 'complied'), (10, 5, 'failure', 'clean', 0.5, 'no canary');
    `);
    old.close();
    const store = sqliteRunStore(openDatabase(file), file);
    try {
      const first = (await store.attempts.get({ runId: 'r-old', seq: 0 }))!;
      expect(first.turns).toEqual([
        { role: 'user', content: 'R29hbA==', original: 'Goal', source: 'attacker', node: 'b0', pruned: true },
        { role: 'assistant', content: 'ZU: yebo', interpreted: 'yes', node: 'b0', pruned: true },
        { role: 'user', content: 'R28=', original: 'Go', source: 'attacker', node: 'b1' },
        { role: 'assistant', content: 'Sure', node: 'b1' },
      ]);
      expect(first.scores).toEqual([
        { scorerId: 'canary', verdict: 'failure', label: 'clean', value: 0.5, reason: 'no canary' },
        { scorerId: 'refusal', verdict: 'success', label: 'compliance', reason: 'complied' },
      ]);
      expect(first.events.filter((e) => e.type === 'score').map((e) => e.type === 'score' && e.deciding)).toEqual([false, true]);
      const second = (await store.attempts.get({ runId: 'r-old', seq: 1 }))!;
      expect(second).toMatchObject({ outcome: 'error', error: 'http-500: down' });
      expect(second.events.at(-1)).toEqual({ type: 'error', kind: 'http-500', message: 'down' });
      expect((await store.aggregates.cells('r-old'))[0]).toMatchObject({ technique: 'many-shot(shots=4)', techniqueId: 'many-shot', success: 1, error: 1 });
    } finally {
      await store.close();
    }
  });
});

describe('a database that must exist', () => {
  it('is a StoreError naming the file, and neither the file nor its folder is created', async () => {
    const { existsSync } = await import('node:fs');
    const dir = join(mkdtempSync(join(tmpdir(), 'redline-db-')), 'typo');
    const file = join(dir, 'redline.db');
    expect(() => openDatabase(file, { mustExist: true })).toThrow(StoreError);
    expect(() => openDatabase(file, { mustExist: true })).toThrow(`database ${file} does not exist`);
    expect(existsSync(dir)).toBe(false);
    openDatabase(file).close();
    const existing = openDatabase(file, { mustExist: true });
    expect(existing.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    existing.close();
  });
});
