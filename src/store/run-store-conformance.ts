// The conformance suite every RunStore implementation must pass (test code: not part of the build).
import { describe, expect, it } from 'vitest';
import { StoreError } from '../core/errors.js';
import type { RunStore } from '../core/run-store.js';
import { ref, goalA, goalB, manyShot, direct, none, b64, refusal, refs, specs, runOf, log, attemptOf, seeded } from './run-store-fixture-conformance.js';
import { describeRunStoreReads } from './run-store-reads-conformance.js';

/**
 * Registers the conformance suite for a RunStore implementation. `open` gives a new, empty store each time; the
 * suite closes what it opens.
 */
export function describeRunStoreConformance(name: string, open: () => Promise<RunStore>): void {
  describe(`RunStore conformance: ${name}`, () => {
    it('creates, reads, lists (newest first) and marks runs; an unknown id is a StoreError with a hint', async () => {
      const { store, run } = await seeded(open);
      try {
        await store.runs.create({ run: runOf('r-newer', 3, 2_000), components: specs });
        expect(await store.runs.get(run.id)).toEqual(run);
        expect(await store.runs.require(run.id)).toEqual(run);
        expect(await store.runs.get('r-none')).toBeUndefined();
        const missing = await store.runs.require('r-none').catch((error: unknown) => error);
        expect(missing).toBeInstanceOf(StoreError);
        expect((missing as StoreError).hint).toContain('redline runs');
        expect((await store.runs.list()).map((r) => r.id)).toEqual(['r-newer', run.id]);
        await store.runs.setStatus({ id: run.id, status: 'completed', at: 5_000 });
        expect(await store.runs.get(run.id)).toMatchObject({ status: 'completed', finishedAt: 5_000 });
        await store.runs.setStatus({ id: run.id, status: 'running', at: 6_000 });
        expect((await store.runs.get(run.id))!.finishedAt).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    it('gives a run one executor: a live holder is named to the next, a gone one is taken over, and only the holder releases', async () => {
      const { store, run } = await seeded(open);
      try {
        const a = { pid: 101, host: 'h1', acquiredAt: 1_000, heartbeatAt: 1_000 };
        const b = { pid: 202, host: 'h1', acquiredAt: 2_000, heartbeatAt: 2_000 };
        expect(await store.locks.acquire({ runId: run.id, holder: a, isGone: () => false })).toEqual({ ok: true });
        // The same holder may take it again (an in-process resume).
        expect(await store.locks.acquire({ runId: run.id, holder: a, isGone: () => false })).toEqual({ ok: true });
        expect(await store.locks.heartbeat({ runId: run.id, pid: a.pid, host: a.host, at: 1_500 })).toBe(true);
        const refused = await store.locks.acquire({ runId: run.id, holder: b, isGone: () => false });
        expect(refused).toEqual({ ok: false, holder: { ...a, heartbeatAt: 1_500 } });
        // Not the holder: releasing does nothing.
        await store.locks.release({ runId: run.id, pid: b.pid, host: b.host });
        expect(await store.locks.holder(run.id)).toMatchObject({ pid: a.pid });
        // The holder is gone: taken over, and the old holder learns it on its next heartbeat.
        const seen: number[] = [];
        expect(await store.locks.acquire({ runId: run.id, holder: b, isGone: (current) => (seen.push(current.pid), true) })).toEqual({ ok: true });
        expect(seen).toEqual([a.pid]);
        expect(await store.locks.heartbeat({ runId: run.id, pid: a.pid, host: a.host, at: 3_000 })).toBe(false);
        await store.locks.release({ runId: run.id, pid: b.pid, host: b.host });
        expect(await store.locks.holder(run.id)).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    it('stores each attempt’s event log exactly as given, every part and field, and reads it back with its projections', async () => {
      const { store, run } = await seeded(open);
      try {
        const writer = await store.attempts.openWriter({ run, components: refs });
        writer.record(attemptOf({ seq: 3, outcome: 'success' }));
        await writer.flush();
        const view = (await store.attempts.get({ runId: run.id, seq: 3 }))!;
        expect(view.events).toEqual(log);
        expect(view).toMatchObject({ seq: 3, goalId: 'g/a', goalText: 'Goal A', technique: 'many-shot(shots=4)', chainId: 'none', category: 'cat-a', persona: 'malicious', trial: 1, outcome: 'success', machineOutcome: 'success' });
        expect(view.turns.map((t) => [t.role, t.content, t.original, t.interpreted, t.pruned ?? false])).toEqual([
          ['user', 'cGxhaW4=', 'plain «text» "quoted"\u0000', undefined, false],
          ['assistant', 'Calling \ud800 a tool 🛠', undefined, 'yes', true],
          ['tool', '', undefined, undefined, false],
        ]);
        expect(view.scores.map((s) => s.scorerId)).toEqual(['refusal', 'llm-true-false:harm']);
        expect(await store.attempts.get({ runId: run.id, seq: 4 })).toBeUndefined();
        expect(await store.attempts.count(run.id)).toBe(1);
      } finally {
        await store.close();
      }
    });

    it('writes each plan position once: a second record of a stored position, by this or another writer, is ignored', async () => {
      const { store, run } = await seeded(open);
      try {
        const first = await store.attempts.openWriter({ run, components: refs });
        expect(await store.attempts.lastFinishedAt(run.id)).toBeUndefined();
        for (const seq of [0, 2, 5]) first.record(attemptOf({ seq, outcome: 'failure' }));
        await first.flush();
        // finishedAt is 200 + seq: the latest is position 5's.
        expect(await store.attempts.lastFinishedAt(run.id)).toBe(205);
        const second = await store.attempts.openWriter({ run, components: refs });
        expect(second.recordedCount).toBe(3);
        expect([...Array(8).keys()].filter((seq) => second.isRecorded(seq))).toEqual([0, 2, 5]);
        // A worker that did not know position 2 was done runs it again: its record is dropped, the first kept.
        const stale = await store.attempts.openWriter({ run, components: refs });
        const late = await store.attempts.openWriter({ run: { ...run }, components: refs });
        stale.record(attemptOf({ seq: 6, outcome: 'success' }));
        await stale.flush();
        late.record(attemptOf({ seq: 2, outcome: 'success' }));
        late.record(attemptOf({ seq: 6, outcome: 'failure' }));
        await late.flush();
        expect(await store.attempts.count(run.id)).toBe(4);
        expect((await store.attempts.get({ runId: run.id, seq: 2 }))!.outcome).toBe('failure');
        expect((await store.attempts.get({ runId: run.id, seq: 6 }))!.outcome).toBe('success');
      } finally {
        await store.close();
      }
    });

    it('gives back each attempt as the writer took it, and the components behind them with their descriptions (what a copy reads)', async () => {
      const { store, run } = await seeded(open);
      try {
        const writer = await store.attempts.openWriter({ run, components: refs });
        const written = [
          attemptOf({ seq: 5, outcome: 'success', reachedAtTurn: 2, technique: direct, chain: b64 }),
          attemptOf({ seq: 1, outcome: 'error', goal: goalB }),
          { ...attemptOf({ seq: 3, outcome: 'failure' }), usage: { promptTokens: 9, completionTokens: 1, estimated: true as const }, retries: 2, latencyMs: 12.25 },
          attemptOf({ seq: 0, outcome: 'unscored' }),
        ];
        for (const a of written) writer.record(a);
        await writer.flush();
        const bySeq = [...written].sort((x, y) => x.seq - y.seq);
        expect(await store.attempts.records({ runId: run.id, afterSeq: -1, limit: 10 })).toEqual(bySeq);
        expect(await store.attempts.records({ runId: run.id, afterSeq: 0, limit: 2 })).toEqual(bySeq.slice(1, 3));
        expect(await store.attempts.records({ runId: run.id, afterSeq: 5, limit: 2 })).toEqual([]);
        // A review changes what summaries count, not the record a copy reads.
        await store.reviews.set({ runId: run.id, seq: 3, review: { verdict: 'success', reviewer: 'ana', reviewedAt: 9 } });
        expect((await store.attempts.records({ runId: run.id, afterSeq: 2, limit: 1 }))[0]!.outcome).toBe('failure');
        const used = [goalA, goalB, manyShot, direct, none, b64, refusal];
        const specsUsed = specs.filter((s) => used.some((u) => u.kind === s.kind && u.hash === s.hash));
        const byKey = (x: { kind: string; instance: string }, y: { kind: string; instance: string }) => `${x.kind}:${x.instance}`.localeCompare(`${y.kind}:${y.instance}`);
        expect([...(await store.components.specsOfRun(run.id))].sort(byKey)).toEqual([...specsUsed].sort(byKey));
        expect(await store.components.specsOfRun('no-such-run')).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('pages through a run’s attempts in plan order, optionally of some outcomes only', async () => {
      const { store, run } = await seeded(open);
      try {
        const writer = await store.attempts.openWriter({ run, components: refs });
        for (const [seq, outcome] of [[4, 'success'], [0, 'failure'], [2, 'error'], [6, 'success'], [1, 'unscored']] as const) writer.record(attemptOf({ seq, outcome }));
        await writer.flush();
        const seqs = async (input: { afterSeq: number; limit: number; outcomes?: readonly ('success' | 'failure' | 'error' | 'unscored')[] }) =>
          (await store.attempts.page({ runId: run.id, ...input })).map((a) => a.seq);
        expect(await seqs({ afterSeq: -1, limit: 3 })).toEqual([0, 1, 2]);
        expect(await seqs({ afterSeq: 2, limit: 3 })).toEqual([4, 6]);
        expect(await seqs({ afterSeq: -1, limit: 10, outcomes: ['success'] })).toEqual([4, 6]);
        expect(await seqs({ afterSeq: 4, limit: 10, outcomes: ['success', 'error'] })).toEqual([6]);
        const [first] = await store.attempts.page({ runId: run.id, afterSeq: -1, limit: 1 });
        expect(first).toEqual(await store.attempts.get({ runId: run.id, seq: 0 }));
      } finally {
        await store.close();
      }
    });

    it('refuses an attempt naming a component the run never registered', async () => {
      const { store, run } = await seeded(open);
      try {
        const stranger = ref('technique', 'role-play');
        const writer = await store.attempts.openWriter({ run, components: [...refs, stranger] });
        const error = await (async () => {
          writer.record(attemptOf({ seq: 0, outcome: 'failure', technique: stranger }));
          await writer.flush();
        })().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(StoreError);
        expect(await store.attempts.count(run.id)).toBe(0);
      } finally {
        await store.close();
      }
    });
    describeRunStoreReads(open);
  });
}
