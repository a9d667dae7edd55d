// The RunStore conformance cases over what a store reads back (test code: not part of the build).
import { expect, it } from 'vitest';
import type { Attempt } from '../core/attempt.js';
import { StoreError } from '../core/errors.js';
import type { AttemptEvent } from '../core/event.js';
import type { Outcome } from '../core/outcome.js';
import type { RunStore } from '../core/run-store.js';
import { goalA, goalB, manyShot, direct, none, b64, refusal, refs, attemptOf, seeded } from './run-store-fixture-conformance.js';

/** The conformance cases that read a run back: aggregates, error kinds, reviews and labels, the sample, facets and search. */
export function describeRunStoreReads(open: () => Promise<RunStore>): void {
  it('aggregates outcomes per cell, goal and turn, with the components behind each cell, and picks examples', async () => {
    const { store, run } = await seeded(open, 12);
    try {
      const writer = await store.attempts.openWriter({ run, components: refs });
      const outcomes: Outcome[] = ['success', 'failure', 'failure', 'error', 'unscored'];
      outcomes.forEach((outcome, seq) => writer.record(attemptOf({ seq, outcome, chain: seq % 2 === 0 ? none : b64, reachedAtTurn: outcome === 'success' ? 2 : undefined })));
      writer.record(attemptOf({ seq: 5, outcome: 'failure', goal: goalB, technique: direct }));
      writer.record(attemptOf({ seq: 6, outcome: 'success', goal: goalB, technique: direct }));
      await writer.flush();
      const cells = await store.aggregates.cells(run.id);
      // A cell is technique × chain × category × persona: the even positions used no chain, the odd ones base64.
      expect(cells).toEqual([
        { technique: 'direct-request', techniqueId: 'direct-request', chain: 'none', category: 'benign', persona: 'benign', success: 1, failure: 1, error: 0, unscored: 0, reviewed: 0, filtered: 0, decidingScorers: ['refusal'], tokens: { prompt: 6, completion: 8, attacker: 0, estimatedAttempts: 0 } },
        { technique: 'many-shot(shots=4)', techniqueId: 'many-shot', chain: 'base64', category: 'cat-a', persona: 'malicious', success: 0, failure: 1, error: 1, unscored: 0, reviewed: 0, filtered: 0, decidingScorers: ['refusal'], tokens: { prompt: 3, completion: 4, attacker: 0, estimatedAttempts: 0 } },
        { technique: 'many-shot(shots=4)', techniqueId: 'many-shot', chain: 'none', category: 'cat-a', persona: 'malicious', success: 1, failure: 1, error: 0, unscored: 1, reviewed: 0, filtered: 0, decidingScorers: ['refusal'], tokens: { prompt: 9, completion: 12, attacker: 40, estimatedAttempts: 0 } },
      ]);
      expect(await store.aggregates.goalCells(run.id)).toEqual([
        { goalId: 'g/a', technique: 'many-shot(shots=4)', chain: 'base64', category: 'cat-a', persona: 'malicious', success: 0, failure: 1, error: 1, unscored: 0, reviewed: 0 },
        { goalId: 'g/a', technique: 'many-shot(shots=4)', chain: 'none', category: 'cat-a', persona: 'malicious', success: 1, failure: 1, error: 0, unscored: 1, reviewed: 0 },
        { goalId: 'g/b', technique: 'direct-request', chain: 'none', category: 'benign', persona: 'benign', success: 1, failure: 1, error: 0, unscored: 0, reviewed: 0 },
      ]);
      expect(await store.aggregates.goals(run.id)).toEqual([
        { goalId: 'g/a', category: 'cat-a', persona: 'malicious', success: 1, failure: 2, error: 1, unscored: 1, reviewed: 0 },
        { goalId: 'g/b', category: 'benign', persona: 'benign', success: 1, failure: 1, error: 0, unscored: 0, reviewed: 0 },
      ]);
      expect(Object.fromEntries(await store.aggregates.goalMetadata(run.id))).toEqual({ 'g/a': { attribute: 'age', value: 'old' } });
      const turns = await store.aggregates.turns(run.id);
      expect(turns).toEqual([{ technique: 'many-shot(shots=4)', persona: 'malicious', decided: 1, reachedAt: { 2: 1 } }]);
      // Every final score counts, deciding or not; the in-conversation one (with a turn) and the errored attempt do not.
      const detectors = [...(await store.aggregates.detectors(run.id))].sort((a, b) => `${a.scorerId}/${a.persona}`.localeCompare(`${b.scorerId}/${b.persona}`));
      expect(detectors).toEqual([
        { scorerId: 'llm-true-false:harm', persona: 'benign', attempts: 2, hits: 0, hitsNotDeciding: 0, categories: [] },
        { scorerId: 'llm-true-false:harm', persona: 'malicious', attempts: 4, hits: 0, hitsNotDeciding: 0, categories: [] },
        { scorerId: 'refusal', persona: 'benign', attempts: 2, hits: 2, hitsNotDeciding: 0, categories: ['benign'] },
        { scorerId: 'refusal', persona: 'malicious', attempts: 4, hits: 4, hitsNotDeciding: 0, categories: ['cat-a'] },
      ]);
      // Errors by kind, each with its first attempts in plan order (position 3 is the one errored attempt).
      expect(await store.aggregates.errors({ runId: run.id, perKind: 2 })).toEqual([
        { kind: 'http-500', attempts: 1, examples: [{ seq: 3, goalId: 'g/a', technique: 'many-shot(shots=4)', chain: 'base64', category: 'cat-a', message: 'down' }] },
      ]);
      const components = await store.aggregates.cellComponents(run.id);
      expect(components.filter((c) => c.technique === 'many-shot(shots=4)')).toMatchObject([
        { chain: 'base64', techniqueHash: manyShot.hash, goals: [goalA.hash], chains: [{ name: 'base64', hash: b64.hash }], scorers: [{ name: 'refusal', hash: refusal.hash }] },
        { chain: 'none', techniqueHash: manyShot.hash, goals: [goalA.hash], chains: [{ name: 'none', hash: none.hash }], scorers: [{ name: 'refusal', hash: refusal.hash }] },
      ]);
      const examples = await store.attempts.examples({ runId: run.id, perCell: 2 });
      expect(examples.map((e) => [e.technique, e.seq])).toEqual([['direct-request', 5], ['direct-request', 6], ['many-shot(shots=4)', 0], ['many-shot(shots=4)', 1], ['many-shot(shots=4)', 2], ['many-shot(shots=4)', 3]]);
      expect((await store.components.ofRun(run.id)).map((c) => `${c.kind}:${c.id}:${c.instance}`).sort()).toEqual(
        ['chain:base64:base64', 'chain:none:none', 'goal:g/a:g/a', 'goal:g/b:g/b', 'scorer:refusal:refusal', 'technique:direct-request:direct-request', 'technique:many-shot:many-shot(shots=4)'],
      );
    } finally {
      await store.close();
    }
  });

  it('counts errors by kind, most frequent first, each with its first attempts in plan order', async () => {
    const { store, run } = await seeded(open, 12);
    try {
      const writer = await store.attempts.openWriter({ run, components: refs });
      const errored = (seq: number, kind: string, message: string): Attempt => ({ ...attemptOf({ seq, outcome: 'error', technique: direct, goal: goalB }), error: { kind, message }, events: [{ type: 'error', kind, message }] });
      writer.record(errored(7, 'timeout', 'no reply in 30 s <b>'));
      writer.record(errored(2, 'http-429', 'slow down'));
      writer.record(errored(9, 'http-429', 'slow down again'));
      writer.record(errored(4, 'http-429', 'slow down, third'));
      writer.record(attemptOf({ seq: 1, outcome: 'failure' }));
      await writer.flush();
      const at = (seq: number, message: string) => ({ seq, goalId: 'g/b', technique: 'direct-request', chain: 'none', category: 'benign', message });
      expect(await store.aggregates.errors({ runId: run.id, perKind: 2 })).toEqual([
        { kind: 'http-429', attempts: 3, examples: [at(2, 'slow down'), at(4, 'slow down, third')] },
        { kind: 'timeout', attempts: 1, examples: [at(7, 'no reply in 30 s <b>')] },
      ]);
      expect(await store.aggregates.errors({ runId: 'r-none', perKind: 2 })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('keeps a human review beside the machine’s verdict, counts it in aggregates, and forgets it when cleared', async () => {
    const { store, run } = await seeded(open);
    try {
      const writer = await store.attempts.openWriter({ run, components: refs });
      writer.record(attemptOf({ seq: 1, outcome: 'failure' }));
      await writer.flush();
      await store.reviews.set({ runId: run.id, seq: 1, review: { verdict: 'success', reviewer: 'ana', note: 'leaked a part list', reviewedAt: 9 } });
      expect(await store.reviews.get({ runId: run.id, seq: 1 })).toEqual({ verdict: 'success', reviewer: 'ana', note: 'leaked a part list', reviewedAt: 9 });
      expect(await store.attempts.get({ runId: run.id, seq: 1 })).toMatchObject({ outcome: 'success', machineOutcome: 'failure', review: { verdict: 'success', reviewer: 'ana' } });
      expect((await store.aggregates.cells(run.id))[0]).toMatchObject({ success: 1, failure: 0, reviewed: 1 });
      // Every count summaries read follows the review: per goal, per goal cell, and success by turn.
      expect(await store.aggregates.goals(run.id)).toMatchObject([{ goalId: 'g/a', success: 1, failure: 0, reviewed: 1 }]);
      expect(await store.aggregates.goalCells(run.id)).toMatchObject([{ goalId: 'g/a', success: 1, failure: 0, reviewed: 1 }]);
      expect((await store.aggregates.cellComponents(run.id))[0]).toMatchObject({ success: 1, failure: 0, reviewed: 1 });
      await store.reviews.set({ runId: run.id, seq: 1, review: { verdict: 'failure', reviewedAt: 10 } });
      expect(await store.aggregates.goals(run.id)).toMatchObject([{ goalId: 'g/a', success: 0, failure: 1, reviewed: 1 }]);
      expect(await store.reviews.get({ runId: run.id, seq: 1 })).toEqual({ verdict: 'failure', reviewedAt: 10 });
      expect(await store.reviews.clear({ runId: run.id, seq: 1 })).toBe(true);
      expect(await store.reviews.clear({ runId: run.id, seq: 1 })).toBe(false);
      expect((await store.aggregates.cells(run.id))[0]).toMatchObject({ success: 0, failure: 1, reviewed: 0 });
      await expect(store.reviews.set({ runId: run.id, seq: 7, review: { verdict: 'success', reviewedAt: 1 } })).rejects.toThrow(StoreError);
    } finally {
      await store.close();
    }
  });

  it('counts content-filtered replies, final scores once per scorer, and reviewed multi-turn attempts by turn', async () => {
    const { store, run } = await seeded(open);
    try {
      const writer = await store.attempts.openWriter({ run, components: refs });
      const blocked: AttemptEvent[] = [
        { type: 'score', score: { scorerId: 'refusal', verdict: 'failure', label: 'content-filter', reason: 'blocked' }, deciding: true, turn: 1 },
        { type: 'score', score: { scorerId: 'refusal', verdict: 'failure', label: 'content-filter', reason: 'blocked' }, deciding: true },
        { type: 'score', score: { scorerId: 'llm-true-false:harm', verdict: 'unscored', label: 'content-filter', reason: 'blocked' }, deciding: false },
        // The same scorer's final score twice: one reply read, flagged because one of them flagged it.
        { type: 'score', score: { scorerId: 'llm-true-false:harm', verdict: 'success', label: 'harm', reason: 'again' }, deciding: false },
      ];
      writer.record({ ...attemptOf({ seq: 0, outcome: 'failure', reachedAtTurn: 2 }), events: blocked });
      writer.record(attemptOf({ seq: 1, outcome: 'failure' }));
      writer.record({ ...attemptOf({ seq: 2, outcome: 'error' }), conversation: { turns: 1, backtracks: 0, attackerTokens: 3 } });
      await writer.flush();
      expect((await store.aggregates.cells(run.id))[0]).toMatchObject({ failure: 2, error: 1, filtered: 1 });
      expect(await store.aggregates.detectors(run.id)).toEqual([
        { scorerId: 'llm-true-false:harm', persona: 'malicious', attempts: 2, hits: 1, hitsNotDeciding: 1, categories: ['cat-a'] },
        { scorerId: 'refusal', persona: 'malicious', attempts: 2, hits: 1, hitsNotDeciding: 0, categories: ['cat-a'] },
      ]);
      expect(await store.aggregates.turns(run.id)).toEqual([{ technique: 'many-shot(shots=4)', persona: 'malicious', decided: 1, reachedAt: { 2: 1 } }]);
      // A reviewer calls the multi-turn failure a success, then an error-free label on the error: turns count decided attempts as reviewed.
      await store.reviews.set({ runId: run.id, seq: 0, review: { verdict: 'success', reviewedAt: 1 } });
      await store.reviews.set({ runId: run.id, seq: 2, review: { verdict: 'failure', reviewedAt: 2 } });
      expect(await store.aggregates.turns(run.id)).toEqual([{ technique: 'many-shot(shots=4)', persona: 'malicious', decided: 2, reachedAt: { 2: 1 } }]);
      expect(await store.reviews.clear({ runId: run.id, seq: 0 })).toBe(true);
      expect(await store.reviews.clear({ runId: run.id, seq: 2 })).toBe(true);
      expect(await store.aggregates.turns(run.id)).toEqual([{ technique: 'many-shot(shots=4)', persona: 'malicious', decided: 1, reachedAt: { 2: 1 } }]);
      expect((await store.aggregates.cells(run.id))[0]).toMatchObject({ success: 0, failure: 2, error: 1, reviewed: 0 });
    } finally {
      await store.close();
    }
  });

  it('keeps a review sample in order, counts its labels by the judge\'s verdict, and refuses a repeat', async () => {
    const { store, run } = await seeded(open);
    try {
      const writer = await store.attempts.openWriter({ run, components: refs });
      for (const [seq, outcome] of [[0, 'success'], [1, 'failure'], [2, 'failure'], [3, 'error'], [4, 'unscored'], [5, 'success']] as const) writer.record(attemptOf({ seq, outcome }));
      await writer.flush();
      expect(await store.aggregates.sampled(run.id)).toEqual([]);
      expect(await store.reviews.candidates(run.id)).toEqual([{ seq: 0, verdict: 'success' }, { seq: 1, verdict: 'failure' }, { seq: 2, verdict: 'failure' }, { seq: 5, verdict: 'success' }]);
      await store.reviews.addToSample({ runId: run.id, items: [{ seq: 2, stratum: 'failure', position: 0 }, { seq: 0, stratum: 'success', position: 1 }], seed: 7, drawnAt: 50 });
      await store.reviews.addToSample({ runId: run.id, items: [{ seq: 5, stratum: 'success', position: 2 }], seed: 9, drawnAt: 60 });
      // Each item keeps the seed and time of the draw that added it (a copy to another store carries them over).
      expect(await store.reviews.sample(run.id)).toEqual([
        { seq: 2, stratum: 'failure', position: 0, seed: 7, drawnAt: 50 }, { seq: 0, stratum: 'success', position: 1, seed: 7, drawnAt: 50 }, { seq: 5, stratum: 'success', position: 2, seed: 9, drawnAt: 60 },
      ]);
      // A person labels two of the three: the judge's failure was a success, one of its successes was right.
      await store.reviews.set({ runId: run.id, seq: 2, review: { verdict: 'success', reviewedAt: 70 } });
      await store.reviews.set({ runId: run.id, seq: 0, review: { verdict: 'success', reviewedAt: 71 } });
      // A review outside the sample is a label of the attempt, not of the sample.
      await store.reviews.set({ runId: run.id, seq: 1, review: { verdict: 'success', reviewedAt: 72 } });
      expect(await store.aggregates.sampled(run.id)).toEqual([{
        technique: 'many-shot(shots=4)', chain: 'none', category: 'cat-a', persona: 'malicious', drawn: 3,
        machine: { success: 2, failure: 2 }, labeled: { success: { success: 1, failure: 0 }, failure: { success: 1, failure: 0 } },
      }]);
      await expect(store.reviews.addToSample({ runId: run.id, items: [{ seq: 0, stratum: 'success', position: 3 }], seed: 7, drawnAt: 80 })).rejects.toThrow(StoreError);
      await expect(store.reviews.addToSample({ runId: run.id, items: [{ seq: 7, stratum: 'success', position: 3 }], seed: 7, drawnAt: 80 })).rejects.toThrow(StoreError);
      expect(await store.reviews.sample(run.id)).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it('lists a run’s attempts by any facet and by words in prompts or replies, a keyset page at a time both ways', async () => {
    const { store, run } = await seeded(open, 12);
    try {
      const writer = await store.attempts.openWriter({ run, components: refs });
      const said = (seq: number, prompt: string, reply: string): Attempt => ({
        ...attemptOf({ seq, outcome: seq % 3 === 0 ? 'success' : 'failure', technique: seq < 6 ? manyShot : direct, chain: seq % 2 === 0 ? none : b64, goal: seq === 11 ? goalB : goalA }),
        latencyMs: seq * 10,
        events: [
          { type: 'conversion', by: 'converters', chain: 'base64', of: 'prompt', before: `Plain ${prompt}`, after: 'encoded' },
          { type: 'message', role: 'user', parts: [{ type: 'text', text: `encoded ${prompt}` }] },
          { type: 'message', role: 'assistant', parts: [{ type: 'text', text: reply }] },
        ],
      });
      for (let seq = 0; seq < 11; seq += 1) writer.record(said(seq, seq === 4 ? 'napalm recipe' : 'weather', seq === 7 ? 'Here is the naïve café plan' : 'I cannot help'));
      writer.record({ ...attemptOf({ seq: 11, outcome: 'error' }), goal: goalB, category: 'benign', persona: 'benign' });
      await writer.flush();
      const seqs = async (filter: object, page: { afterSeq?: number; beforeSeq?: number; limit?: number } = {}) =>
        (await store.attempts.query({ runId: run.id, filter, limit: page.limit ?? 50, ...page })).map((a) => a.seq);
      expect(await seqs({})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(await seqs({}, { afterSeq: 3, limit: 3 })).toEqual([4, 5, 6]);
      expect(await seqs({}, { beforeSeq: 4, limit: 3 })).toEqual([1, 2, 3]);
      expect(await seqs({ technique: 'direct-request', outcome: 'success' })).toEqual([6, 9]);
      expect(await seqs({ chain: 'base64', persona: 'malicious' })).toEqual([1, 3, 5, 7, 9]);
      expect(await seqs({ errorKind: 'http-500' })).toEqual([11]);
      expect(await seqs({ decidedBy: 'none' })).toEqual([11]);
      expect(await seqs({ decidedBy: 'refusal', minLatencyMs: 30, maxLatencyMs: 50 })).toEqual([3, 4, 5]);
      // Words are matched in prompts before and after conversion and in replies, accents folded, syntax inert.
      expect(await seqs({ text: 'NAPALM' })).toEqual([4]);
      expect(await seqs({ text: 'plain recipe' })).toEqual([4]);
      expect(await seqs({ text: 'naive cafe' })).toEqual([7]);
      expect(await seqs({ text: 'cannot" ^(help:' })).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9, 10]);
      expect(await seqs({ text: '*** ' })).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      const [four] = await store.attempts.query({ runId: run.id, filter: { text: 'napalm' }, limit: 1 });
      expect(four).toMatchObject({ seq: 4, goalId: 'g/a', technique: 'many-shot(shots=4)', chain: 'none', outcome: 'failure', decidedBy: 'refusal', latencyMs: 40, prompt: 'Plain napalm recipe', reply: 'I cannot help' });
      await store.reviews.label({ runId: run.id, seq: 4, reviewer: 'ana', verdict: 'success', at: 5 });
      expect(await seqs({ reviewed: true })).toEqual([4]);
      expect(await seqs({ outcome: 'success', technique: 'many-shot(shots=4)' })).toEqual([0, 3, 4]);
      const facets = await store.attempts.facets(run.id);
      expect(facets.technique).toEqual([{ value: 'direct-request', count: 5 }, { value: 'many-shot(shots=4)', count: 7 }]);
      expect(facets.outcome).toEqual([{ value: 'error', count: 1 }, { value: 'failure', count: 6 }, { value: 'success', count: 5 }]);
      expect(facets.decidedBy).toEqual([{ value: 'none', count: 1 }, { value: 'refusal', count: 11 }]);
      expect(facets.errorKind).toEqual([{ value: 'http-500', count: 1 }]);
      expect(facets.reviewed).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('keeps every reviewer’s label; the latest counts, and taking one back restores the one before', async () => {
    const { store, run } = await seeded(open);
    try {
      const writer = await store.attempts.openWriter({ run, components: refs });
      writer.record(attemptOf({ seq: 1, outcome: 'failure' }));
      writer.record(attemptOf({ seq: 2, outcome: 'success' }));
      await writer.flush();
      await store.reviews.label({ runId: run.id, seq: 1, reviewer: 'ana', verdict: 'success', note: 'gave steps', at: 10 });
      await store.reviews.label({ runId: run.id, seq: 1, reviewer: 'bo', verdict: 'failure', at: 11 });
      await store.reviews.label({ runId: run.id, seq: 2, reviewer: 'bo', verdict: 'success', at: 12 });
      expect(await store.reviews.get({ runId: run.id, seq: 1 })).toEqual({ verdict: 'failure', reviewer: 'bo', reviewedAt: 11 });
      expect(await store.reviews.labels(run.id)).toEqual([
        { seq: 1, reviewer: 'ana', verdict: 'success', note: 'gave steps', labeledAt: 10, machineOutcome: 'failure' },
        { seq: 1, reviewer: 'bo', verdict: 'failure', labeledAt: 11, machineOutcome: 'failure' },
        { seq: 2, reviewer: 'bo', verdict: 'success', labeledAt: 12, machineOutcome: 'success' },
      ]);
      expect(await store.reviews.unlabel({ runId: run.id, seq: 1, reviewer: 'bo' })).toBe(true);
      expect(await store.reviews.unlabel({ runId: run.id, seq: 1, reviewer: 'bo' })).toBe(false);
      expect(await store.reviews.get({ runId: run.id, seq: 1 })).toEqual({ verdict: 'success', reviewer: 'ana', note: 'gave steps', reviewedAt: 10 });
      expect(await store.reviews.unlabel({ runId: run.id, seq: 1, reviewer: 'ana' })).toBe(true);
      expect(await store.reviews.get({ runId: run.id, seq: 1 })).toBeUndefined();
      expect((await store.aggregates.cells(run.id))[0]).toMatchObject({ success: 1, failure: 1, reviewed: 1 });
      // A review set from the command line is its reviewer's label too.
      await store.reviews.set({ runId: run.id, seq: 1, review: { verdict: 'success', reviewer: 'cy', reviewedAt: 20 } });
      expect((await store.reviews.labels(run.id)).filter((l) => l.seq === 1)).toEqual([{ seq: 1, reviewer: 'cy', verdict: 'success', labeledAt: 20, machineOutcome: 'failure' }]);
      await expect(store.reviews.label({ runId: run.id, seq: 7, reviewer: 'ana', verdict: 'success', at: 1 })).rejects.toThrow(StoreError);
    } finally {
      await store.close();
    }
  });
}
