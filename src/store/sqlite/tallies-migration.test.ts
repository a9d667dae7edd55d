import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../../core/component-ref.js';
import type { AttemptEvent } from '../../core/event.js';
import type { Outcome } from '../../core/outcome.js';
import type { StoredRun } from '../../core/run.js';
import type { RunStore } from '../../core/run-store.js';
import { CONTENT_FILTER_LABEL } from '../../core/score.js';
import { migrations } from './migrations.js';
import { openDatabase } from './open-database.js';
import { sqliteRunStore } from './sqlite-run-store.js';

const ref = (kind: ComponentRef['kind'], id: string): ComponentRef => ({ kind, id, instance: id, hash: `h${kind}${id}`.replace(/[^a-z0-9]/gi, '') });
const goals = [ref('goal', 'g/a'), ref('goal', 'g/b'), ref('goal', 'g/c')];
const techniques = [ref('technique', 'direct-request'), ref('technique', 'crescendo')];
const chains = [ref('chain', 'none'), ref('chain', 'base64')];
const scorers = [ref('scorer', 'refusal'), ref('scorer', 'objective')];
const specs: ComponentSpec[] = [
  ...goals.map((g, i) => ({ ...g, spec: { id: g.id, text: g.id, category: i === 2 ? 'benign' : `cat-${i}`, persona: i === 2 ? 'benign' : 'malicious', source: 't', ...(i === 0 ? { metadata: { attribute: 'age', value: 'old' } } : {}) } })),
  ...[...techniques, ...chains, ...scorers].map((r) => ({ ...r, spec: { id: r.id } })),
];
const run: StoredRun = {
  id: 'r-tally', targetId: 'demo:t', simulated: true, status: 'running', seed: 3, planned: 64, createdAt: 1, trials: 4, baseDir: '/tmp', redlineVersion: 'test',
  config: {}, hashes: { target: 't', goals: 'g', techniques: {}, chains: {}, scorers: {} },
};

/** Attempt `seq` of a small plan with every kind of fact the aggregates count. */
function attemptOf(seq: number): Attempt {
  const goal = goals[seq % 3]!;
  const technique = techniques[(seq >> 2) % 2]!;
  const chain = chains[(seq >> 1) % 2]!;
  const multiTurn = technique.id === 'crescendo';
  const outcome: Outcome = (['success', 'failure', 'failure', 'error', 'unscored', 'success', 'failure'] as const)[seq % 7]!;
  const base = { seq, trial: seq >> 4, goal, technique, chain, category: goal === goals[2] ? 'benign' : `cat-${goals.indexOf(goal)}`, persona: goal === goals[2] ? ('benign' as const) : ('malicious' as const), retries: 0, latencyMs: 1, startedAt: seq, finishedAt: seq + 1 };
  if (outcome === 'error') return { ...base, outcome, error: { kind: 'timeout', message: 't' }, events: [{ type: 'error', kind: 'timeout', message: 't' }], ...(multiTurn ? { conversation: { turns: 2, backtracks: 0, attackerTokens: 9 } } : {}) };
  const blocked = seq % 5 === 0;
  const decider = seq % 3 === 2 ? scorers[0]! : scorers[1]!;
  const events: AttemptEvent[] = [
    { type: 'message', role: 'user', parts: [{ type: 'text', text: 'hi' }] },
    ...(multiTurn ? [{ type: 'score', score: { scorerId: decider.id, verdict: 'success', label: 'x', reason: 'mid' }, deciding: true, turn: 1 } as const] : []),
    ...scorers.map((s): AttemptEvent => ({
      type: 'score', deciding: s === decider,
      score: { scorerId: s.id, verdict: s === decider ? outcome as 'success' : seq % 4 === 0 ? 'success' : 'failure', label: blocked ? CONTENT_FILTER_LABEL : 'y', reason: 'r' },
    })),
    // A scorer read twice: it counts once, flagged if either flagged.
    ...(seq % 6 === 1 ? [{ type: 'score', score: { scorerId: 'refusal', verdict: 'success', label: 'again', reason: 'r' }, deciding: false } as const] : []),
  ];
  return {
    ...base, outcome, decidedBy: decider, events, usage: { promptTokens: seq, completionTokens: 2, ...(seq % 3 === 0 ? { estimated: true } : {}) },
    ...(multiTurn ? { conversation: { turns: 3, backtracks: 1, attackerTokens: 5, ...(outcome === 'success' ? { reachedAtTurn: 1 + (seq % 3) } : {}) } } : {}),
  };
}

async function everyAggregate(store: RunStore): Promise<unknown> {
  const a = store.aggregates;
  return {
    cells: await a.cells(run.id), goals: await a.goals(run.id), goalCells: await a.goalCells(run.id), goalMetadata: [...(await a.goalMetadata(run.id))],
    turns: await a.turns(run.id), detectors: await a.detectors(run.id), sampled: await a.sampled(run.id), cellComponents: await a.cellComponents(run.id),
    components: await store.components.ofRun(run.id),
  };
}

describe('migration 11: tallies of stored runs', () => {
  it('backfills counts equal to those the writer and review triggers keep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-tally-'));
    const fresh = sqliteRunStore(openDatabase(join(dir, 'fresh.db')), join(dir, 'fresh.db'));
    await fresh.runs.create({ run, components: specs });
    const writer = await fresh.attempts.openWriter({ run, components: specs });
    for (let seq = 0; seq < 48; seq += 1) writer.record(attemptOf(seq));
    await writer.flush();
    await fresh.reviews.addToSample({ runId: run.id, items: [{ seq: 0, stratum: 'success', position: 0 }, { seq: 1, stratum: 'failure', position: 1 }, { seq: 5, stratum: 'success', position: 2 }], seed: 1, drawnAt: 1 });
    // Set, replace, clear and set again: the triggers must end where a backfill from the final rows starts.
    for (const [seq, verdict] of [[0, 'failure'], [1, 'success'], [3, 'success'], [3, 'failure'], [8, 'success'], [13, 'success'], [20, 'failure']] as const) {
      await fresh.reviews.set({ runId: run.id, seq, review: { verdict, reviewedAt: 1 } });
    }
    expect(await fresh.reviews.clear({ runId: run.id, seq: 8 })).toBe(true);
    const expected = await everyAggregate(fresh);
    await fresh.close();

    // The same rows in a schema-9 database, as an older Redline wrote them, then opened (and migrated) by this one.
    const oldFile = join(dir, 'v9.db');
    const old = new Database(oldFile);
    for (const step of migrations.filter((m) => m.version <= 9)) {
      old.exec(step.sql);
      step.run?.(old);
    }
    old.pragma('user_version = 9');
    old.exec(`ATTACH DATABASE '${join(dir, 'fresh.db')}' AS f`);
    const columns = (table: string): string => (old.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name).join(', ');
    for (const table of ['runs', 'components', 'attempts', 'events', 'reviews', 'review_samples']) old.exec(`INSERT INTO main.${table} (${columns(table)}) SELECT ${columns(table)} FROM f.${table}`);
    old.exec('DETACH DATABASE f');
    old.close();
    const migrated = sqliteRunStore(openDatabase(oldFile), oldFile);
    try {
      expect(await everyAggregate(migrated)).toEqual(expected);
    } finally {
      await migrated.close();
    }
  });
});
