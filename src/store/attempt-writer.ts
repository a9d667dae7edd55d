import type { Attempt } from '../core/attempt.js';
import { StoreError } from '../core/errors.js';
import type { AttemptSink } from '../engine/execute-run.js';
import type { PlannedAttempt } from '../engine/plan.js';
import { storeHint, type Db } from './open-database.js';
import { componentRefs, type StoredRun } from './run-store.js';

/** Writes a run's attempts as they finish, one transaction each, skipping plan positions already stored. */
export function createAttemptWriter(db: Db, input: { run: StoredRun; file: string }): AttemptSink & { readonly recordedCount: number } {
  const { run } = input;
  const refs = componentRefs(db);
  // One bit per plan position: a resume of a million-attempt run holds 125 KB, not a million keys.
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
  const scorerRef = (id: string): number => ref('scorer', run.hashes.scorers[id]);
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (run_id, seq, goal_ref, technique_ref, chain_ref, scorer_ref, trial, category, persona, outcome,
       error_kind, error_message, retries, latency_ms, prompt_tokens, completion_tokens, started_at, finished_at,
       turns_used, backtracks, reached_at, attacker_tokens)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, seq) DO NOTHING`,
  );
  const insertTurn = db.prepare('INSERT INTO turns (attempt_id, idx, role, content, original, interpreted, source, node, pruned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertScore = db.prepare('INSERT INTO scores (attempt_id, scorer_ref, verdict, label, value, reason) VALUES (?, ?, ?, ?, ?, ?)');

  const write = db.transaction((a: Attempt, planned: PlannedAttempt) => {
    const info = insertAttempt.run(run.id, a.seq, ref('goal', planned.goal.hash), ref('technique', planned.technique.hash),
      ref('chain', planned.chain.hash), a.decidedBy === undefined ? null : scorerRef(a.decidedBy), a.trial, a.category, a.persona,
      a.outcome, a.error?.kind ?? null, a.error?.message ?? null, a.retries, a.latencyMs, a.usage?.promptTokens ?? null,
      a.usage?.completionTokens ?? null, a.startedAt, a.finishedAt, a.conversation?.turns ?? null, a.conversation?.backtracks ?? null,
      a.conversation?.reachedAtTurn ?? null, a.conversation?.attackerTokens ?? null);
    if (info.changes === 0) return false;
    const id = info.lastInsertRowid;
    a.turns.forEach((t, i) => insertTurn.run(id, i, t.role, t.content, t.original ?? null, t.interpreted ?? null, t.source ?? null, t.node ?? null, t.pruned ? 1 : 0));
    for (const s of a.scores) insertScore.run(id, scorerRef(s.scorerId), s.verdict, s.label, s.value ?? null, s.reason);
    return true;
  });

  return {
    get recordedCount() {
      return count;
    },
    isRecorded: (seq) => ((recorded[seq >> 3] ?? 0) & (1 << (seq & 7))) !== 0,
    record(attempt, planned) {
      let wrote: boolean;
      try {
        wrote = write(attempt, planned);
      } catch (error) {
        if (error instanceof StoreError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new StoreError(`cannot record attempt ${attempt.seq} of run ${run.id}: ${message}`, { file: input.file, hint: storeHint(error), cause: error });
      }
      if (wrote) {
        recorded[attempt.seq >> 3]! |= 1 << (attempt.seq & 7);
        count += 1;
      }
    },
  };
}
