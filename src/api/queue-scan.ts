import { dirname, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { RunFailure } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { connectRedis } from '../queue/redis-connection.js';
import { openSliceProducer, targetQueueName, type SliceProducer } from '../queue/slice-queue.js';
import { closePrepared } from './close-prepared.js';
import { lockRun } from './run-lock.js';
import { isPostgresLocation, openStoreAt, storeLocation } from './open-store.js';
import { probeTarget } from './probe-target.js';
import { summarizeStoredRun, writeReports } from './reports.js';
import { rebuildRun } from './run-slice.js';
import { databasePath, type ScanOptions, type ScanResult } from './scan.js';
import { planSlices, type SliceWindow } from './slice-plan.js';
import { prepareStart, registerRun } from './start-run.js';

/** How the coordinator follows a distributed run. */
export type QueueProgress = {
  /** Attempts of the run recorded in the store, by any worker. */
  readonly recorded: number;
  /** Attempts the run plans. */
  readonly planned: number;
  /** Slices in the queue or being executed. */
  readonly outstanding: number;
  /** 1 for the first pass over the plan; more when positions left unrecorded are queued again. */
  readonly pass: number;
};

/** Options of a scan executed by queue workers (`redline scan --queue`). */
export type QueueScanOptions = Omit<ScanOptions, 'onProgress' | 'batching'> & {
  /** Redis URL of the queue, e.g. redis://127.0.0.1:6379. */
  readonly queue: string;
  /** Key prefix shared with the workers (default 'redline'). */
  readonly prefix?: string;
  /** Plan positions per slice (default: planned / 64, between 20 and 500). */
  readonly sliceSize?: number;
  /** Slices queued or in flight at once, at most (default 32): back-pressure, so a million-attempt run is not queued at once. */
  readonly window?: number;
  /** How often the store and the queue are read, ms (default 500). */
  readonly pollMs?: number;
  /** Passes over unrecorded positions before the coordinator gives up (default 5; a pass that records nothing stops it). */
  readonly maxPasses?: number;
  /** Called after each poll. */
  readonly onQueueProgress?: (progress: QueueProgress) => void;
};

/**
 * A scan whose attempts are executed by `redline worker` processes: the coordinator prepares, probes and registers the
 * run (or takes a stored one to resume), queues its unrecorded plan positions as slices on the target's queue, follows
 * progress from the store, queues again whatever a lost or failed slice left unrecorded, and finishes the run (status,
 * summary, reports) when every position is recorded. The store, not the queue, is the record: a Redis that loses its
 * data delays the run, it never loses or duplicates an attempt.
 */
export async function queueScan(options: QueueScanOptions): Promise<ScanResult> {
  const baseDir = options.baseDir ?? process.cwd();
  const clock = options.clock ?? systemClock();
  const stop = options.signal ?? new AbortController().signal;
  const start = options.resume === undefined ? await prepareStart({ ...options, baseDir, stop, clock }) : undefined;
  let store: RunStore;
  let location: string;
  try {
    if (start?.prepared.exfil !== undefined) {
      throw new ConfigError('goals that plant the out-of-band listener\'s addresses ({{exfil.url}}, {{exfil.image}}…) cannot run on a queue: each worker would listen at another address', {
        file: options.configFile ?? '<options>', path: 'goals', hint: 'run them without --queue, or leave those goals out of the distributed scan',
      });
    }
    if (options.store === undefined && options.resume !== undefined && options.database === undefined) {
      throw new ConfigError('a distributed resume names its store', { file: '<options>', path: 'database', hint: 'pass --store (or --db) with the store the run is in' });
    }
    location = options.store?.location ?? (options.database ? storeLocation(options.database, baseDir) : databasePath(start!.config, baseDir));
    store = options.store ?? await openStoreAt(location);
  } catch (error) {
    await closePrepared(start?.prepared);
    throw error;
  }
  try {
    return await coordinate(store, { options, start, stop, clock, location });
  } finally {
    if (options.store === undefined) await store.close();
  }
}

type Coordination = {
  options: QueueScanOptions; start: Awaited<ReturnType<typeof prepareStart>> | undefined; stop: AbortSignal; clock: Clock; location: string;
};

async function coordinate(store: RunStore, input: Coordination): Promise<ScanResult> {
  const { options, start, stop, clock } = input;
  // The coordinator sends nothing but the probe: its targets close before the first slice is queued.
  let run;
  let refs;
  let outputDir: string;
  if (start === undefined) {
    await store.runs.require(options.resume!);
    const rebuilt = await rebuildRun(store, { runId: options.resume!, ...(options.env ? { env: options.env } : {}), stop, clock });
    await closePrepared(rebuilt.prepared);
    if (rebuilt.prepared.exfil !== undefined) {
      throw new ConfigError(`run ${rebuilt.run.id} plants the out-of-band listener's addresses: it cannot be resumed on a queue`, {
        file: store.location, path: 'goals', hint: `resume it without --queue: redline scan --resume ${rebuilt.run.id}`,
      });
    }
    ({ run } = rebuilt);
    refs = rebuilt.prepared.refs;
    outputDir = rebuilt.config.output.dir;
  } else {
    try {
      await probeTarget(start.prepared.target, { config: start.config, clock, stop });
      ({ run } = await registerRun(store, start, clock));
    } finally {
      await closePrepared(start.prepared);
    }
    refs = start.prepared.refs;
    outputDir = start.config.output.dir;
  }
  const lock = await lockRun(store, run.id, clock);
  const redis = await connectRedis(options.queue).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
  let producer: SliceProducer | undefined;
  try {
    await store.runs.setStatus({ id: run.id, status: 'running', at: clock.now() });
    producer = await openSliceProducer({ redis, naming: { prefix: options.prefix ?? 'redline' }, queueName: targetQueueName(run.hashes.target) });
    const ended = await followSlices({
      store, producer, runId: run.id, planned: run.planned, stop, clock,
      window: {
        sliceSize: options.sliceSize ?? Math.min(500, Math.max(20, Math.ceil(run.planned / 64))),
        window: options.window ?? 32, pollMs: options.pollMs ?? 500, maxPasses: options.maxPasses ?? 5,
      },
      ...(options.onQueueProgress ? { onProgress: options.onQueueProgress } : {}),
      openWriter: () => store.attempts.openWriter({ run, components: refs }),
    });
    const recorded = await store.attempts.count(run.id);
    const complete = recorded >= run.planned;
    const status = ended.failure !== undefined ? 'failed' : complete ? 'completed' : 'interrupted';
    await store.runs.setStatus({ id: run.id, status, at: clock.now(), ...(ended.failure === undefined ? {} : { failure: ended.failure }) });
    const finished = await store.runs.require(run.id);
    const summary = await summarizeStoredRun(store, finished);
    // Reports go next to a SQLite file; for a PostgreSQL store, into the configuration's output folder.
    const reportDir = input.location === ':memory:' ? process.cwd()
      : isPostgresLocation(input.location) ? resolve(finished.baseDir, outputDir) : dirname(input.location);
    const reports = await writeReports({ store, run: finished, summary, dir: reportDir, paths: options.reports ?? {} });
    return {
      run: finished, summary, database: store.location, reports, interrupted: !complete && ended.failure === undefined,
      ...(ended.budgetSpent === undefined ? {} : { budgetSpent: ended.budgetSpent }), ...(ended.failure === undefined ? {} : { failure: ended.failure }),
      ...(ended.gaveUp === undefined ? {} : { stalled: ended.gaveUp }),
    };
  } finally {
    await producer?.close().catch(() => undefined);
    redis.disconnect();
    await lock.release();
  }
}

/** How following the slices ended. */
type Ended = { budgetSpent?: string; failure?: RunFailure; gaveUp?: string };

async function followSlices(input: {
  store: RunStore; producer: SliceProducer; runId: string; planned: number; stop: AbortSignal; clock: Clock;
  window: SliceWindow; onProgress?: (p: QueueProgress) => void; openWriter: () => ReturnType<RunStore['attempts']['openWriter']>;
}): Promise<Ended> {
  const { producer, window, stop } = input;
  const outstanding = new Map<string, readonly number[]>();
  const failedReasons: string[] = [];
  let pass = 0;
  let recordedBefore = -1;
  for (;;) {
    pass += 1;
    const writer = await input.openWriter();
    if (writer.recordedCount >= input.planned) return {};
    if (writer.recordedCount === recordedBefore) {
      const why = failedReasons.length > 0 ? `; slices failed: ${[...new Set(failedReasons)].slice(0, 3).join(' | ')}` : '';
      return { gaveUp: `pass ${pass - 1} recorded nothing new (${writer.recordedCount} of ${input.planned} recorded)${why}` };
    }
    if (pass > window.maxPasses) return { gaveUp: `${window.maxPasses} passes left ${input.planned - writer.recordedCount} positions unrecorded` };
    recordedBefore = writer.recordedCount;
    const slices = planSlices({ planned: input.planned, isRecorded: (seq) => writer.isRecorded(seq), size: window.sliceSize });
    let next = slices.next();
    while (!next.done || outstanding.size > 0) {
      if (stop.aborted) {
        await producer.removeWaiting(input.runId);
        return {};
      }
      const batch: { id: string; data: { runId: string; seqs: readonly number[] } }[] = [];
      while (!next.done && outstanding.size + batch.length < window.window) {
        const seqs = next.value;
        batch.push({ id: `${input.runId}.${pass}.${seqs[0]}`, data: { runId: input.runId, seqs } });
        next = slices.next();
      }
      await producer.add(batch);
      for (const job of batch) outstanding.set(job.id, job.data.seqs);
      try {
        await input.clock.sleep(window.pollMs, stop);
      } catch {
        continue;
      }
      for (const id of [...outstanding.keys()]) {
        const state = await producer.state(id);
        if (state.state === 'pending') continue;
        outstanding.delete(id);
        if (state.state === 'failed') failedReasons.push(state.reason);
        if (state.state === 'completed' && state.outcome?.failure !== undefined) {
          await producer.removeWaiting(input.runId);
          return { failure: state.outcome.failure };
        }
        if (state.state === 'completed' && state.outcome?.budgetSpent !== undefined) {
          await producer.removeWaiting(input.runId);
          return { budgetSpent: state.outcome.budgetSpent };
        }
      }
      input.onProgress?.({ recorded: await input.store.attempts.count(input.runId), planned: input.planned, outstanding: outstanding.size, pass });
    }
  }
}
