import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunFailure } from '../core/run.js';

/** One job: plan positions of a stored run for a worker to execute (recorded ones are skipped). */
export type SliceJob = {
  /** The run. */
  readonly runId: string;
  /** Plan positions, in order. */
  readonly seqs: readonly number[];
};

/** What a worker reports for a slice it finished. */
export type SliceOutcome = {
  /** Attempts it recorded. */
  readonly recorded: number;
  /** True when it stopped before its positions were done (the run's budget, or the worker stopping). */
  readonly interrupted: boolean;
  /** Why the run's budget stopped it. */
  readonly budgetSpent?: string;
  /** Why the error budget stopped it: the target kept failing. */
  readonly failure?: RunFailure;
};

/** Where a slice job stands; `gone` is a job no longer in Redis (completed and removed, or lost with a restart). */
export type SliceState =
  | { readonly state: 'pending' }
  | { readonly state: 'completed'; readonly outcome: SliceOutcome | undefined }
  | { readonly state: 'failed'; readonly reason: string }
  | { readonly state: 'gone' };

/** Names and settings shared by coordinators and workers. */
export type QueueNaming = {
  /** Key prefix of every queue and key (default 'redline'): several deployments can share one Redis. */
  readonly prefix: string;
};

/** The BullMQ queue of one target (by its hash): its rate limit holds across every worker taking from it. */
export function targetQueueName(targetHash: string): string {
  return `target-${targetHash.replace(/[^a-zA-Z0-9]/g, '').slice(0, 24)}`;
}

/** The Redis set listing every target queue, so that workers find queues they were not told about. */
export function queueRegistryKey(naming: QueueNaming): string {
  return `${naming.prefix}:queues`;
}

/** Failed slices are retried by another worker this many times before the coordinator's repair pass takes over. */
const JOB_ATTEMPTS = 5;

/** The coordinator's side of one target queue. */
export type SliceProducer = {
  /** Adds slices; an id already in the queue is not added twice (BullMQ dedupes on job ids). */
  add(jobs: readonly { readonly id: string; readonly data: SliceJob }[]): Promise<void>;
  /** Where a job stands. */
  state(id: string): Promise<SliceState>;
  /** Removes the run's slices no worker has taken yet (a stopped coordinator); gives how many. */
  removeWaiting(runId: string): Promise<number>;
  /** Closes the producer (the connection stays the caller's). */
  close(): Promise<void>;
};

/** Opens the queue of a target for a coordinator and lists it for workers. */
export async function openSliceProducer(input: { redis: Redis; naming: QueueNaming; queueName: string }): Promise<SliceProducer> {
  const queue = new Queue<SliceJob, SliceOutcome>(input.queueName, { connection: input.redis, prefix: input.naming.prefix });
  // A lost connection is retried by ioredis; the coordinator's next poll sees what Redis kept.
  queue.on('error', () => undefined);
  await input.redis.sadd(queueRegistryKey(input.naming), input.queueName);
  return {
    async add(jobs) {
      if (jobs.length === 0) return;
      // Listed again with every batch: a Redis that restarted without its data learns the queue anew.
      await input.redis.sadd(queueRegistryKey(input.naming), input.queueName);
      await queue.addBulk(jobs.map((j) => ({
        name: 'slice', data: j.data,
        opts: {
          jobId: j.id, attempts: JOB_ATTEMPTS, backoff: { type: 'fixed', delay: 1_000 },
          // Completed jobs stay a few minutes so the coordinator reads their outcome, then go; failed ones stay a day.
          removeOnComplete: { age: 600 }, removeOnFail: { age: 86_400 },
        },
      })));
    },
    async state(id) {
      const job = await queue.getJob(id);
      if (job === undefined || job === null) return { state: 'gone' };
      const state = await job.getState();
      if (state === 'completed') return { state: 'completed', outcome: job.returnvalue ?? undefined };
      if (state === 'failed') return { state: 'failed', reason: job.failedReason ?? 'failed' };
      if (state === 'unknown') return { state: 'gone' };
      return { state: 'pending' };
    },
    async removeWaiting(runId) {
      let removed = 0;
      for (const job of await queue.getJobs(['waiting', 'delayed', 'prioritized', 'waiting-children'])) {
        if (job?.data?.runId !== runId) continue;
        try {
          await job.remove();
          removed += 1;
        } catch {
          // Taken by a worker meanwhile: it runs, and records what it records.
        }
      }
      return removed;
    },
    close: () => queue.close(),
  };
}

/** How a worker process takes slices. */
export type SliceWorkerOptions = {
  /** A blocking connection (connectRedis with `blocking`); BullMQ duplicates it per queue. */
  readonly redis: Redis;
  readonly naming: QueueNaming;
  /** Slices executed at once by this process (default 2: one finishing its tail while the next starts). */
  readonly slicesAtOnce?: number;
  /** A slice whose worker gave no sign of life for this long is given to another (default 30,000 ms). */
  readonly lockDurationMs?: number;
  /** How often the queues are listed again, ms (default 1,000). */
  readonly discoverEveryMs?: number;
  /** Executes one slice; `signal` aborts when this process stops. A throw fails the job (retried elsewhere). */
  readonly execute: (job: SliceJob, signal: AbortSignal) => Promise<SliceOutcome>;
  /** A queue this process started taking from. */
  readonly onQueue?: (name: string) => void;
  /** A slice failed here (it is retried by a worker, or repaired by the coordinator). */
  readonly onFailed?: (job: SliceJob | undefined, error: Error) => void;
};

/** The workers of one process, across every target queue. */
export type SliceWorkers = {
  /** Stops taking slices; slices in flight are aborted and handed back to the queue. */
  close(): Promise<void>;
};

/** Starts taking slices from every target queue listed in Redis, and from queues listed later. */
export function startSliceWorkers(options: SliceWorkerOptions): SliceWorkers {
  const stop = new AbortController();
  const workers = new Map<string, Worker<SliceJob, SliceOutcome>>();
  const lockDuration = options.lockDurationMs ?? 30_000;
  const open = (name: string): void => {
    const worker = new Worker<SliceJob, SliceOutcome>(name, async (job: Job<SliceJob, SliceOutcome>) => options.execute(job.data, stop.signal), {
      connection: options.redis, prefix: options.naming.prefix, concurrency: options.slicesAtOnce ?? 2,
      lockDuration, stalledInterval: Math.max(1_000, Math.floor(lockDuration / 2)),
      // The store, not the queue, says what is done: a slice killed many times is still finished by the repair pass.
      maxStalledCount: 20,
    });
    worker.on('failed', (job, error) => options.onFailed?.(job?.data, error));
    worker.on('error', () => undefined);
    workers.set(name, worker);
    options.onQueue?.(name);
  };
  const discover = async (): Promise<void> => {
    if (stop.signal.aborted) return;
    try {
      for (const name of await options.redis.smembers(queueRegistryKey(options.naming))) if (!workers.has(name)) open(name);
    } catch {
      // Redis is reconnecting: the next round lists again.
    }
  };
  void discover();
  const timer = setInterval(() => void discover(), options.discoverEveryMs ?? 1_000);
  return {
    async close() {
      clearInterval(timer);
      stop.abort(new Error('the worker is stopping'));
      await Promise.all([...workers.values()].map((w) => w.close()));
    },
  };
}
