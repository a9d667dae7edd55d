import type { RunStore } from '../core/run-store.js';
import type { RateLimiter } from '../engine/rate-limiter.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { connectRedis } from '../queue/redis-connection.js';
import { createRedisRateLimiter } from '../queue/redis-rate-limiter.js';
import { createRedisRunBudget, type RedisRunBudget } from '../queue/redis-run-budget.js';
import { startSliceWorkers, type SliceJob, type SliceOutcome } from '../queue/slice-queue.js';
import { closePrepared } from './close-prepared.js';
import { pricing } from './pricing.js';
import { executeRebuilt, rebuildRun, type RebuiltRun } from './run-slice.js';

/** What a worker process reports as it goes. */
export type WorkerEvent =
  | { readonly type: 'queue'; readonly name: string }
  | { readonly type: 'slice'; readonly runId: string; readonly seqs: number; readonly recorded: number; readonly ms: number }
  | { readonly type: 'skipped'; readonly runId: string; readonly why: string }
  | { readonly type: 'failed'; readonly runId: string | undefined; readonly message: string };

/** Options of `redline worker`. */
export type QueueWorkerOptions = {
  /** Redis URL of the queue. */
  readonly queue: string;
  /** The store the runs are in (the coordinators' store). */
  readonly store: RunStore;
  /** Key prefix shared with the coordinators (default 'redline'). */
  readonly prefix?: string;
  /** Environment variables for secrets referenced by name (a worker reads its own). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Attempts in flight in this process (default: each run's configured concurrency), shared by its slices at once. */
  readonly concurrency?: number;
  /** Slices executed at once (default 2). */
  readonly slicesAtOnce?: number;
  /** A slice whose worker is silent this long goes to another worker, ms (default 30,000). */
  readonly lockDurationMs?: number;
  /** Stops the worker: slices in flight are handed back to the queue. */
  readonly signal?: AbortSignal;
  /** Clock (tests). */
  readonly clock?: Clock;
  /** Called as slices start, end or fail. */
  readonly onEvent?: (event: WorkerEvent) => void;
};

/** A run rebuilt once in this worker, with the limiter and budget every worker of the run shares. */
type WorkerRun = { rebuilt: RebuiltRun; limiter: RateLimiter; budget: RedisRunBudget; active: number; lastUsed: number };

/** Runs idle this long are closed (their targets released), ms. */
const IDLE_MS = 60_000;

/**
 * A queue worker: takes slices of stored runs from every target queue, rebuilds each run once from its stored
 * configuration (as a resume does), and executes the slices through the target's shared rate limiter and the run's
 * shared budget, recording each attempt once in the store. Returns when `signal` aborts.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  const clock = options.clock ?? systemClock();
  const stop = options.signal ?? new AbortController().signal;
  const prefix = options.prefix ?? 'redline';
  const blocking = await connectRedis(options.queue, { blocking: true });
  const shared = await connectRedis(options.queue);
  const runs = new Map<string, Promise<WorkerRun>>();
  const slicesAtOnce = options.slicesAtOnce ?? 2;

  const runFor = (runId: string): Promise<WorkerRun> => {
    let entry = runs.get(runId);
    if (entry === undefined) {
      entry = (async () => {
        // The targets' connection pools are sized for this worker's concurrency, not the run's.
        const rebuilt = await rebuildRun(options.store, { runId, ...(options.env ? { env: options.env } : {}), ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }), stop, clock });
        const { run, config } = rebuilt;
        return {
          rebuilt, active: 0, lastUsed: clock.now(),
          limiter: createRedisRateLimiter({ redis: shared, key: `${prefix}:limit:${run.hashes.target}`, limits: config.rateLimit }),
          budget: createRedisRunBudget({ redis: shared, key: `${prefix}:budget:${run.id}`, limits: config.budget.run, startedAt: run.createdAt, priceOf: pricing(config) }),
        };
      })();
      // A run that cannot be rebuilt here is tried again by the next slice (its failure fails this one).
      entry.catch(() => runs.delete(runId));
      runs.set(runId, entry);
    }
    return entry;
  };

  const execute = async (job: SliceJob, signal: AbortSignal): Promise<SliceOutcome> => {
    const started = performance.now();
    const stored = await options.store.runs.get(job.runId);
    if (stored === undefined || stored.status !== 'running') {
      const why = stored === undefined ? 'the run is not in this store' : `the run is ${stored.status}`;
      options.onEvent?.({ type: 'skipped', runId: job.runId, why });
      return { recorded: 0, interrupted: true };
    }
    const entry = await runFor(job.runId);
    entry.active += 1;
    try {
      const concurrency = Math.max(1, Math.ceil((options.concurrency ?? entry.rebuilt.config.concurrency) / slicesAtOnce));
      const result = await executeRebuilt(options.store, entry.rebuilt, {
        seqs: job.seqs, concurrency, limiter: entry.limiter, budget: entry.budget, signal, clock, keepPrepared: true,
      });
      // Stopped with positions left: the job fails, so the queue gives the slice to another worker.
      if (result.interrupted && signal.aborted) throw new Error('the worker stopped before the slice was done');
      options.onEvent?.({ type: 'slice', runId: job.runId, seqs: job.seqs.length, recorded: result.recorded, ms: performance.now() - started });
      return {
        recorded: result.recorded, interrupted: result.interrupted,
        ...(result.budgetSpent === undefined ? {} : { budgetSpent: result.budgetSpent }), ...(result.failure === undefined ? {} : { failure: result.failure }),
      };
    } finally {
      entry.active -= 1;
      entry.lastUsed = clock.now();
    }
  };

  const workers = startSliceWorkers({
    redis: blocking, naming: { prefix }, slicesAtOnce, execute,
    ...(options.lockDurationMs === undefined ? {} : { lockDurationMs: options.lockDurationMs }),
    onQueue: (name) => options.onEvent?.({ type: 'queue', name }),
    onFailed: (job, error) => options.onEvent?.({ type: 'failed', runId: job?.runId, message: error.message }),
  });
  const sweep = setInterval(() => void closeIdle(runs, clock.now() - IDLE_MS), 10_000);
  sweep.unref();
  try {
    await new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    clearInterval(sweep);
    await workers.close();
    await closeIdle(runs, Number.POSITIVE_INFINITY);
    blocking.disconnect();
    shared.disconnect();
  }
}

/** Closes the runs last used before `before` and idle now. */
async function closeIdle(runs: Map<string, Promise<WorkerRun>>, before: number): Promise<void> {
  for (const [runId, entry] of runs) {
    const run = await entry.catch(() => undefined);
    if (run === undefined || run.active > 0 || run.lastUsed >= before) continue;
    runs.delete(runId);
    await run.budget.close();
    await closePrepared(run.rebuilt.prepared);
  }
}
