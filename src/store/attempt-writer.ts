import type { Attempt } from '../core/attempt.js';
import { StoreError } from '../core/errors.js';
import type { AttemptSink } from '../engine/execute-run.js';
import type { PlannedAttempt } from '../engine/plan.js';
import { storeHint, type Db } from './open-database.js';
import { componentRefs, type StoredRun } from './run-store.js';

/** How finished attempts are grouped into transactions. */
export type WriteBatching = {
  /** Attempts per transaction at most (1 = one transaction per attempt). */
  readonly size: number;
  /** Longest time, ms, a finished attempt waits in memory; an attempt finishing after a quiet spell this long commits at once. */
  readonly maxDelayMs: number;
};

/**
 * At most one commit per 10 ms, and at most 128 attempts in one: a commit rewrites every page it touched, so a
 * transaction per attempt spent more time in SQLite than in scoring. A slow run still commits each attempt as it
 * finishes; a fast one groups what finished within 10 ms. A crash loses at most that much finished work, which a
 * resume runs again; nothing is ever half-written.
 */
export const defaultBatching: WriteBatching = { size: 128, maxDelayMs: 10 };

type Pending = { readonly attempt: Attempt; readonly planned: PlannedAttempt };

/** Writes a run's attempts as they finish, in batched transactions, skipping plan positions already stored. */
export function createAttemptWriter(db: Db, input: { run: StoredRun; file: string; batching?: WriteBatching }): AttemptSink & { readonly recordedCount: number } {
  const { run } = input;
  const batching = input.batching ?? defaultBatching;
  const refs = componentRefs(db);
  // One bit per plan position, set when an attempt is taken (buffered or stored): a resume of a million-attempt run
  // holds 125 KB, not a million keys.
  const recorded = new Uint8Array(Math.ceil(run.planned / 8));
  let count = 0;
  for (const { seq } of db.prepare('SELECT seq FROM attempts WHERE run_id = ?').iterate(run.id) as Iterable<{ seq: number }>) {
    recorded[seq >> 3]! |= 1 << (seq & 7);
    count += 1;
  }
  const ref = (kind: string, hash: string | undefined): number => {
    const found = hash === undefined ? undefined : refs.get(`${kind}:${hash}`);
    if (found === undefined) throw new StoreError(`run ${run.id} has no registered ${kind} with hash ${hash}`, { file: input.file });
    return found;
  };
  const scorerRefs = new Map<string, number>();
  const scorerRef = (id: string): number => {
    let found = scorerRefs.get(id);
    if (found === undefined) scorerRefs.set(id, (found = ref('scorer', run.hashes.scorers[id])));
    return found;
  };
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (run_id, seq, goal_ref, technique_ref, chain_ref, scorer_ref, trial, category, persona, outcome,
       error_kind, error_message, retries, latency_ms, prompt_tokens, completion_tokens, started_at, finished_at,
       turns_used, backtracks, reached_at, attacker_tokens)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, seq) DO NOTHING`,
  );
  const insertTurn = db.prepare('INSERT INTO turns (attempt_id, idx, role, content, original, interpreted, source, node, pruned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertScore = db.prepare('INSERT INTO scores (attempt_id, scorer_ref, verdict, label, value, reason) VALUES (?, ?, ?, ?, ?, ?)');

  const writeOne = ({ attempt: a, planned }: Pending): boolean => {
    const info = insertAttempt.run(run.id, a.seq, ref('goal', planned.goal.hash), ref('technique', planned.technique.hash),
      ref('chain', planned.chain.hash), a.decidedBy === undefined ? null : scorerRef(a.decidedBy), a.trial, a.category, a.persona,
      a.outcome, a.error?.kind ?? null, a.error?.message ?? null, a.retries, a.latencyMs, a.usage?.promptTokens ?? null,
      a.usage?.completionTokens ?? null, a.startedAt, a.finishedAt, a.conversation?.turns ?? null, a.conversation?.backtracks ?? null,
      a.conversation?.reachedAtTurn ?? null, a.conversation?.attackerTokens ?? null);
    if (info.changes === 0) return false;
    const id = info.lastInsertRowid;
    for (let i = 0; i < a.turns.length; i += 1) {
      const t = a.turns[i]!;
      insertTurn.run(id, i, t.role, t.content, t.original ?? null, t.interpreted ?? null, t.source ?? null, t.node ?? null, t.pruned ? 1 : 0);
    }
    for (const s of a.scores) insertScore.run(id, scorerRef(s.scorerId), s.verdict, s.label, s.value ?? null, s.reason);
    return true;
  };
  const writeBatch = db.transaction((batch: readonly Pending[]): number => {
    let wrote = 0;
    for (const pending of batch) if (writeOne(pending)) wrote += 1;
    return wrote;
  });

  let buffer: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCommit = performance.now();
  // A commit that failed on the timer is reported by the next record() or flush(), where the engine can see it.
  let deferred: unknown;

  function flush(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (deferred !== undefined) throw deferred;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    lastCommit = performance.now();
    try {
      count += writeBatch(batch);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const seqs = batch.length === 1 ? `attempt ${batch[0]!.attempt.seq}` : `${batch.length} attempts (${batch[0]!.attempt.seq}…)`;
      throw new StoreError(`cannot record ${seqs} of run ${run.id}: ${message}`, { file: input.file, hint: storeHint(error), cause: error });
    }
  }

  return {
    get recordedCount() {
      return count + buffer.length;
    },
    isRecorded: (seq) => ((recorded[seq >> 3] ?? 0) & (1 << (seq & 7))) !== 0,
    record(attempt, planned) {
      if (deferred !== undefined) throw deferred;
      // A plan position taken twice (it cannot happen in one execution) is written once: the insert ignores the second.
      recorded[attempt.seq >> 3]! |= 1 << (attempt.seq & 7);
      buffer.push({ attempt, planned });
      const sinceCommit = performance.now() - lastCommit;
      if (buffer.length >= batching.size || sinceCommit >= batching.maxDelayMs) flush();
      else if (timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          try {
            flush();
          } catch (error) {
            deferred = error;
          }
        }, batching.maxDelayMs - sinceCommit);
        timer.unref?.();
      }
    },
    flush,
  };
}
