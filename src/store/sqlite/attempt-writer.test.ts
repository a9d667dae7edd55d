import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../api/scan.js';
import type { Attempt } from '../../core/attempt.js';
import type { StoredRun } from '../../core/run.js';
import { directRequest } from '../../techniques/direct-request.js';
import { plannedChain, plannedGoal, plannedTechnique } from '../../../test/support/planned.js';
import { createAttemptWriter } from './attempt-writer.js';
import { openDatabase, type Db } from './open-database.js';
import { createRun } from './run-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-writer-'));
  dirs.push(dir);
  return join(dir, 'redline.db');
}

/** Everything stored about a run's attempts except wall-clock times and latencies, in plan order. */
function storedRows(file: string): unknown[] {
  const db = openDatabase(file);
  try {
    return db.prepare(
      `SELECT a.seq, g.name AS goal, t.name AS technique, a.trial, a.outcome, a.error_kind, a.retries,
              (SELECT json_group_array(json_array(e.idx, e.type, json_remove(e.body, '$.latencyMs'))) FROM events e WHERE e.attempt_id = a.id) AS events
       FROM attempts a JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref ORDER BY a.seq`,
    ).all();
  } finally {
    db.close();
  }
}

const goal = plannedGoal({ id: 'g', text: 'Explain the forbidden thing.', category: 'c', persona: 'malicious' as const, source: 't' });
const technique = plannedTechnique(directRequest);
const chain = plannedChain();
const refs = [goal.ref, technique.ref, chain.ref];

/** A database with one registered run of `planned` attempts, and a finished attempt for any plan position. */
function storeWithRun(planned: number): { db: Db; run: StoredRun; attempt(seq: number): Attempt } {
  const db = openDatabase(':memory:');
  const hashes = { target: 't', goals: 'g', techniques: { [technique.ref.instance]: technique.ref.hash }, chains: { [chain.ref.instance]: chain.ref.hash }, scorers: {} };
  const run: StoredRun = { id: 'r-w', targetId: 't', simulated: true, status: 'running', seed: 1, planned, hashes, createdAt: 0, trials: planned, config: {}, baseDir: '.', redlineVersion: 'test' };
  createRun(db, { run, components: [{ ...goal.ref, spec: goal.goal }, { ...technique.ref, spec: {} }, { ...chain.ref, spec: [] }] });
  const attempt = (seq: number): Attempt => ({
    seq, trial: seq, goal: goal.ref, technique: technique.ref, chain: chain.ref, category: 'c', persona: 'malicious',
    outcome: 'error', error: { kind: 'network', message: 'reset' }, retries: 0, latencyMs: 1, startedAt: 0, finishedAt: 1,
    events: [{ type: 'message', role: 'user', parts: [{ type: 'text', text: `prompt ${seq}` }] }, { type: 'error', kind: 'network', message: 'reset' }],
  });
  return { db, run, attempt };
}

const countIn = (db: Db): number => (db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;

describe('attempt writer batching', () => {
  it('stores exactly the same attempts, turns and scores as one transaction per attempt', async () => {
    const config = { trials: 7, seed: 42, concurrency: 16 };
    const one = tempDb();
    const batched = tempDb();
    await scan({ config, database: one, reports: { json: false, html: false }, batching: { size: 1, maxDelayMs: 0 } });
    await scan({ config, database: batched, reports: { json: false, html: false } });
    const a = storedRows(one);
    expect(a.length).toBeGreaterThan(300);
    expect(storedRows(batched)).toEqual(a);
  });

  it('commits a full batch at once, and a partial one after its delay, without waiting for the run to end', async () => {
    const { db, run, attempt } = storeWithRun(10);
    const writer = createAttemptWriter(db, { run, components: refs, file: ':memory:', batching: { size: 4, maxDelayMs: 30 } });
    for (let seq = 0; seq < 5; seq += 1) writer.record(attempt(seq));
    expect(countIn(db)).toBe(4);
    expect(writer.isRecorded(4)).toBe(true);
    expect(writer.recordedCount).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(countIn(db)).toBe(5);
    writer.record(attempt(5));
    await writer.flush();
    expect(countIn(db)).toBe(6);
    db.close();
  });

  it('commits at once an attempt that finishes after a quiet spell (a slow target loses nothing to batching)', async () => {
    const { db, run, attempt } = storeWithRun(10);
    const writer = createAttemptWriter(db, { run, components: refs, file: ':memory:', batching: { size: 100, maxDelayMs: 20 } });
    for (let seq = 0; seq < 3; seq += 1) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      writer.record(attempt(seq));
      expect(countIn(db)).toBe(seq + 1);
    }
    db.close();
  });

  it('reports a commit that failed on its timer at the next record, naming the attempts', async () => {
    const { db, run, attempt } = storeWithRun(10);
    const writer = createAttemptWriter(db, { run, components: refs, file: 'the.db', batching: { size: 100, maxDelayMs: 10 } });
    writer.record(attempt(0));
    db.exec('DROP TABLE events');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(() => writer.record(attempt(1))).toThrow(/cannot record attempt 0 of run r-w: .*events/);
    db.close();
  });

  it('resumes from what is stored: positions already written are reported as recorded', async () => {
    const { db, run, attempt } = storeWithRun(10);
    const first = createAttemptWriter(db, { run, components: refs, file: ':memory:' });
    for (const seq of [0, 3, 9]) first.record(attempt(seq));
    await first.flush();
    const second = createAttemptWriter(db, { run, components: refs, file: ':memory:' });
    expect(second.recordedCount).toBe(3);
    expect([...Array(10).keys()].filter((seq) => second.isRecorded(seq))).toEqual([0, 3, 9]);
    db.close();
  });
});
