import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef } from '../../core/component-ref.js';
import { StoreError } from '../../core/errors.js';
import type { StoredRun } from '../../core/run.js';
import type { AttemptWriter, WriteBatching } from '../../core/run-store.js';
import { inTransaction, run as query, type Pg } from './db.js';
import { postgresFailure } from './postgres-error.js';
import { writeBatch } from './write-batch.js';

/**
 * As SQLite's: at most 128 attempts per transaction, and a finished attempt waits at most 10 ms before its commit
 * starts. Commits run one at a time per writer; what finishes meanwhile goes into the next (group commit).
 */
export const defaultPostgresBatching: WriteBatching = { size: 128, maxDelayMs: 10 };

/** Row references of this run's components only, by kind and hash. */
async function runComponentRefs(db: Pg, components: readonly ComponentRef[]): Promise<Map<string, number>> {
  const rows = await query<{ ref: number; kind: string; hash: string }>(db, {
    action: 'read the run\'s components',
    sql: 'SELECT c.ref, c.kind, c.hash FROM components c JOIN unnest($1::text[], $2::text[]) AS u(kind, hash) ON c.kind = u.kind AND c.hash = u.hash',
    params: [components.map((c) => c.kind), components.map((c) => c.hash)],
  });
  return new Map(rows.map((r) => [`${r.kind}:${r.hash}`, r.ref]));
}

/**
 * Writes a run's attempts as they finish, in batched transactions, skipping plan positions already stored — by this
 * writer, an earlier one, or another process writing the same run at the same time.
 */
export async function createPostgresAttemptWriter(db: Pg, input: { run: StoredRun; components: readonly ComponentRef[]; batching?: WriteBatching }): Promise<AttemptWriter> {
  const { run } = input;
  const batching = input.batching ?? defaultPostgresBatching;
  const refs = await runComponentRefs(db, input.components);
  // One bit per plan position, set when an attempt is taken (buffered, being committed or stored).
  const recorded = new Uint8Array(Math.ceil(run.planned / 8));
  let stored: { rows: number[][] };
  try {
    stored = await db.pool.query<number[]>({ text: 'SELECT seq FROM attempts WHERE run_id = $1', values: [run.id], rowMode: 'array' });
  } catch (error) {
    throw postgresFailure({ location: db.location, password: db.password, action: `read the stored attempts of run ${run.id}`, error });
  }
  let count = 0;
  for (const [seq] of stored.rows) {
    recorded[seq! >> 3]! |= 1 << (seq! & 7);
    count += 1;
  }
  const ref = (c: ComponentRef): number => {
    const found = refs.get(`${c.kind}:${c.hash}`);
    if (found === undefined) throw new StoreError(`run ${run.id} has no registered ${c.kind} '${c.instance}' with hash ${c.hash}`, { file: db.location });
    return found;
  };

  let buffer: Attempt[] = [];
  let committing = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loop: Promise<void> | undefined;
  let lastCommit = performance.now();
  // A commit that failed in the background is reported by the next record() or flush(), where the engine can see it.
  let failure: unknown;

  async function drain(): Promise<void> {
    while (buffer.length > 0 && failure === undefined) {
      const batch = buffer.slice(0, batching.size);
      buffer = buffer.slice(batching.size);
      committing = batch.length;
      lastCommit = performance.now();
      const seqs = batch.length === 1 ? `attempt ${batch[0]!.seq}` : `${batch.length} attempts (${batch[0]!.seq}…)`;
      try {
        count += await inTransaction(db, `record ${seqs} of run ${run.id}`, (client) => writeBatch(client, { runId: run.id, batch, ref }));
      } catch (error) {
        failure = error;
      } finally {
        committing = 0;
      }
    }
  }

  function kick(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (loop !== undefined || failure !== undefined || buffer.length === 0) return;
    loop = drain().finally(() => {
      loop = undefined;
      // Attempts taken while the last commit ran go in the next one at once.
      if (buffer.length > 0) kick();
    });
  }

  return {
    get recordedCount() {
      return count + committing + buffer.length;
    },
    isRecorded: (seq) => ((recorded[seq >> 3] ?? 0) & (1 << (seq & 7))) !== 0,
    record(attempt) {
      if (failure !== undefined) throw failure;
      // An unregistered component is refused here, before the attempt is taken.
      for (const c of [attempt.goal, attempt.technique, attempt.chain, ...(attempt.decidedBy === undefined ? [] : [attempt.decidedBy])]) ref(c);
      recorded[attempt.seq >> 3]! |= 1 << (attempt.seq & 7);
      buffer.push(attempt);
      const sinceCommit = performance.now() - lastCommit;
      if (buffer.length >= batching.size || sinceCommit >= batching.maxDelayMs) kick();
      else if (timer === undefined && loop === undefined) {
        timer = setTimeout(kick, batching.maxDelayMs - sinceCommit);
        timer.unref?.();
      }
    },
    flush: async () => {
      kick();
      while (loop !== undefined) await loop;
      if (failure !== undefined) throw failure;
    },
  };
}
