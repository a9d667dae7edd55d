import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef } from '../../core/component-ref.js';
import { StoreError } from '../../core/errors.js';
import type { StoredRun } from '../../core/run.js';
import type { AttemptWriter, WriteBatching } from '../../core/run-store.js';
import { encodeEvent } from '../event-codec.js';
import { finalScoreFacts } from '../final-score-facts.js';
import { searchInserter } from './search-index.js';
import { storeHint, type Db } from './open-database.js';

/**
 * At most one commit per 10 ms, and at most 128 attempts in one: a commit rewrites every page it touched, so a
 * transaction per attempt spent more time in SQLite than in scoring. A slow run still commits each attempt as it
 * finishes; a fast one groups what finished within 10 ms. A crash loses at most that much finished work, which a
 * resume runs again; nothing is ever half-written.
 */
export const defaultBatching: WriteBatching = { size: 128, maxDelayMs: 10 };

/** Row references of this run's components only, by kind and hash (a database may hold thousands of other runs'). */
function runComponentRefs(db: Db, components: readonly ComponentRef[]): Map<string, number> {
  const find = db.prepare('SELECT ref FROM components WHERE kind = ? AND hash = ?').pluck();
  const refs = new Map<string, number>();
  for (const c of components) {
    const ref = find.get(c.kind, c.hash) as number | undefined;
    if (ref !== undefined) refs.set(`${c.kind}:${c.hash}`, ref);
  }
  return refs;
}

/** Writes a run's attempts as they finish, in batched transactions, skipping plan positions already stored. */
export function createAttemptWriter(db: Db, input: { run: StoredRun; components: readonly ComponentRef[]; file: string; batching?: WriteBatching }): AttemptWriter {
  const { run } = input;
  const batching = input.batching ?? defaultBatching;
  const refs = runComponentRefs(db, input.components);
  // One bit per plan position, set when an attempt is taken (buffered or stored): a resume of a million-attempt run
  // holds 125 KB, not a million keys.
  const recorded = new Uint8Array(Math.ceil(run.planned / 8));
  let count = 0;
  for (const seq of db.prepare('SELECT seq FROM attempts WHERE run_id = ?').pluck().iterate(run.id) as Iterable<number>) {
    recorded[seq >> 3]! |= 1 << (seq & 7);
    count += 1;
  }
  const ref = (c: ComponentRef): number => {
    const found = refs.get(`${c.kind}:${c.hash}`);
    if (found === undefined) throw new StoreError(`run ${run.id} has no registered ${c.kind} '${c.instance}' with hash ${c.hash}`, { file: input.file });
    return found;
  };
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (run_id, seq, goal_ref, technique_ref, chain_ref, scorer_ref, trial, category, persona, outcome,
       error_kind, error_message, retries, latency_ms, prompt_tokens, completion_tokens, started_at, finished_at,
       turns_used, backtracks, reached_at, attacker_tokens, usage_estimated, filtered)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, seq) DO NOTHING`,
  );
  const insertEvent = db.prepare('INSERT INTO events (attempt_id, idx, type, body) VALUES (?, ?, ?, ?)');
  const index = searchInserter(db);
  const tallyDetector = db.prepare(
    `INSERT INTO detector_tallies (run_id, scorer_id, persona, category, hit, deciding, attempts) VALUES (?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT (run_id, scorer_id, persona, category, hit, deciding) DO UPDATE SET attempts = attempts + 1`,
  );
  const writeOne = (a: Attempt): number | bigint | undefined => {
    const facts = finalScoreFacts(a.events);
    const info = insertAttempt.run(run.id, a.seq, ref(a.goal), ref(a.technique), ref(a.chain), a.decidedBy === undefined ? null : ref(a.decidedBy),
      a.trial, a.category, a.persona, a.outcome, a.error?.kind ?? null, a.error?.message ?? null, a.retries, a.latencyMs,
      a.usage?.promptTokens ?? null, a.usage?.completionTokens ?? null, a.startedAt, a.finishedAt, a.conversation?.turns ?? null,
      a.conversation?.backtracks ?? null, a.conversation?.reachedAtTurn ?? null, a.conversation?.attackerTokens ?? null, a.usage?.estimated === true ? 1 : 0, facts.filtered);
    // A plan position already stored (by another slice, or before a crash) keeps its first record.
    if (info.changes === 0) return undefined;
    const id = info.lastInsertRowid;
    for (let i = 0; i < a.events.length; i += 1) {
      const stored = encodeEvent(a.events[i]!);
      insertEvent.run(id, i, stored.type, stored.body);
    }
    for (const [scorerId, d] of facts.detectors) tallyDetector.run(run.id, scorerId, a.persona, a.category, d.hit ? 1 : 0, d.deciding ? 1 : 0);
    return id;
  };
  const writeBatch = db.transaction((batch: readonly Attempt[]): number => {
    const written: { id: number | bigint; attempt: Attempt }[] = [];
    for (const attempt of batch) {
      const id = writeOne(attempt);
      if (id !== undefined) written.push({ id, attempt });
    }
    // The full-text rows go in last, in the same transaction. Indexed between each attempt's other rows (its insert
    // fires the tally trigger, the tallies upsert), an attempt's full-text row cost about 44 µs; after all of the
    // batch's other rows, about 13 µs — measured on a copy of a scan's database (docs/performance.md). FTS5 keeps new
    // rows in memory until it flushes them into a segment; interleaved writes make it flush, and merge, far more often.
    for (const { id, attempt } of written) index(id, attempt.events);
    return written.length;
  });

  let buffer: Attempt[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCommit = performance.now();
  // A commit that failed on the timer is reported by the next record() or flush(), where the engine can see it.
  let deferred: unknown;

  function commit(): void {
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
      const seqs = batch.length === 1 ? `attempt ${batch[0]!.seq}` : `${batch.length} attempts (${batch[0]!.seq}…)`;
      throw new StoreError(`cannot record ${seqs} of run ${run.id}: ${message}`, { file: input.file, hint: storeHint(error), cause: error });
    }
  }

  return {
    get recordedCount() {
      return count + buffer.length;
    },
    isRecorded: (seq) => ((recorded[seq >> 3] ?? 0) & (1 << (seq & 7))) !== 0,
    record(attempt) {
      if (deferred !== undefined) throw deferred;
      recorded[attempt.seq >> 3]! |= 1 << (attempt.seq & 7);
      buffer.push(attempt);
      const sinceCommit = performance.now() - lastCommit;
      if (buffer.length >= batching.size || sinceCommit >= batching.maxDelayMs) commit();
      else if (timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          try {
            commit();
          } catch (error) {
            deferred = error;
          }
        }, batching.maxDelayMs - sinceCommit);
        timer.unref?.();
      }
    },
    flush: async () => commit(),
  };
}
