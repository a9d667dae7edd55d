import { dirname, join, resolve } from 'node:path';
import { validateConfig } from '../config/load-config.js';
import { loadPlugins } from '../config/load-plugins.js';
import type { RedlineConfig } from '../config/schema.js';
import type { RunFailure, StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { systemClock, type Clock } from '../engine/clock.js';
import type { RunSummary } from '../stats/summary.js';
import { lockRun, type HeldRunLock } from './run-lock.js';
import { closePrepared } from './close-prepared.js';
import { probeTarget } from './probe-target.js';
import type { ReportPaths } from './reports.js';
import type { RebuiltRun, RunSliceInput, SliceResult } from './run-slice.js';
import { prepareStart, registerRun, type PreparedStart, type StartRunInput } from './start-run.js';
import { isPostgresLocation, storeLocation } from './store-location.js';

/**
 * What executes a run — the store and its driver, the engine's slice, the summary and reports — loaded while a new
 * run's probe is on its way rather than before it (about a fifth of the code a scan loads). Imported again where it
 * is used: a loaded module's import is immediate.
 */
function loadExecution(): Promise<unknown> {
  return Promise.all([import('./open-store.js'), import('./run-slice.js'), import('./reports.js')]);
}

/** A probe's failure, kept until the scan is ready to act on it. */
type Probed = Promise<{ readonly error: unknown } | undefined>;

/**
 * Options of a scan; every field is optional and the defaults scan the built-in demo target. What a new run is made
 * from (config, configFile, baseDir, env, clock) is `startRun`'s; how it executes (signal, onStart, onProgress,
 * batching) is `runSlice`'s. On resume the stored configuration is used and `config` only names the database.
 */
export type ScanOptions = StartRunInput & Pick<RunSliceInput, 'signal' | 'onStart' | 'onProgress' | 'batching'> & {
  /** The store to use; it stays open (the caller closes it). Without it, a SQLite file is opened and closed. */
  readonly store?: RunStore;
  /** SQLite file, overriding the configuration's; ':memory:' keeps nothing (pair it with reports: false). */
  readonly database?: string;
  /** Id of an interrupted run to finish. */
  readonly resume?: string;
  /** Report files; default: JSON and HTML next to the database. `false` skips one. */
  readonly reports?: { readonly json?: string | false; readonly html?: string | false };
};

/** What a scan leaves behind. */
export type ScanResult = {
  /** The run as stored at the end. */
  readonly run: StoredRun;
  /** Its summary (the JSON report's content). */
  readonly summary: RunSummary;
  /** Where the run is stored (the database file for SQLite). */
  readonly database: string;
  /** Report files written. */
  readonly reports: ReportPaths;
  /** True when the scan was stopped before the plan was done. */
  readonly interrupted: boolean;
  /** Why the run's budget stopped it, when it did (the run can be resumed). */
  readonly budgetSpent?: string;
  /** Why the run could not measure (the target kept failing): its status is 'failed'. */
  readonly failure?: RunFailure;
  /** What the out-of-band listener received, when goals planted its addresses. */
  readonly listener?: SliceResult['listener'];
  /** Why a distributed run's coordinator stopped waiting for positions that stayed unrecorded (slices kept failing). */
  readonly stalled?: string;
};

/** The database file a configuration points at. */
export function databasePath(config: RedlineConfig, baseDir: string): string {
  return config.store ?? storeLocation(config.output.database ?? join(config.output.dir, 'redline.db'), baseDir);
}


/** The configuration a resume names its database by, validated with its plugins. */
async function configuredDatabase(options: ScanOptions, baseDir: string): Promise<RedlineConfig> {
  const file = options.configFile ?? '<options>';
  return validateConfig(options.config, file, await loadPlugins({ config: options.config, file, baseDir }));
}

/**
 * Runs a red-team scan end to end in this process: the coordinator's step (prepare, plan, register) and one slice
 * over every position not yet recorded, then the summary and reports. A resume is the slice alone.
 */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const baseDir = options.baseDir ?? process.cwd();
  const clock = options.clock ?? systemClock();
  const stop = options.signal ?? new AbortController().signal;
  // A new run reads every goal, dataset and file before the store is touched: bad input leaves nothing behind.
  let start: PreparedStart | undefined;
  if (options.resume === undefined) start = await prepareStart({ ...options, baseDir, stop, clock });
  // Then its probe goes out, and the store opens during the probe's round trip; nothing is registered before the
  // probe has answered. A store that cannot open cancels the probe.
  const cancel = new AbortController();
  const probed: Probed | undefined = start === undefined ? undefined
    : probeTarget(start.prepared.target, { config: start.config, clock, stop: AbortSignal.any([stop, cancel.signal]) }).then(() => undefined, (error: unknown) => ({ error }));
  let store: RunStore;
  let location: string;
  try {
    await loadExecution();
    const { openStoreAt } = await import('./open-store.js');
    location = options.database ? storeLocation(options.database, baseDir) : databasePath(start?.config ?? await configuredDatabase(options, baseDir), baseDir);
    store = options.store ?? await openStoreAt(location);
  } catch (error) {
    cancel.abort();
    await probed;
    await closePrepared(start?.prepared);
    throw error;
  }
  try {
    return await scanInStore(store, { options, start, probed, stop, clock, location });
  } finally {
    if (options.store === undefined) await store.close();
  }
}

async function scanInStore(store: RunStore, input: { options: ScanOptions; start: PreparedStart | undefined; probed: Probed | undefined; stop: AbortSignal; clock: Clock; location: string }): Promise<ScanResult> {
  const { options, start, stop, clock } = input;
  const { rebuildRun } = await import('./run-slice.js');
  let rebuilt: RebuiltRun;
  let lock: HeldRunLock;
  if (start === undefined) {
    // One executor per run: a second resume fails here, before anything is prepared or sent.
    await store.runs.require(options.resume!);
    lock = await lockRun(store, options.resume!, clock);
    try {
      rebuilt = await rebuildRun(store, { runId: options.resume!, ...(options.env ? { env: options.env } : {}), stop, clock });
    } catch (error) {
      await lock.release();
      throw error;
    }
  } else {
    try {
      // Before anything is stored: a target that cannot answer fails the scan here (exit 5), with the cause.
      const failed = await input.probed;
      if (failed !== undefined) throw failed.error;
      const { run } = await registerRun(store, start, clock);
      lock = await lockRun(store, run.id, clock);
      rebuilt = { run, config: start.config, prepared: start.prepared, plan: start.plan };
    } catch (error) {
      await closePrepared(start.prepared);
      throw error;
    }
  }
  try {
    return await executeLocked(store, rebuilt, input);
  } finally {
    await lock.release();
  }
}

async function executeLocked(store: RunStore, rebuilt: RebuiltRun, input: { options: ScanOptions; stop: AbortSignal; clock: Clock; location: string }): Promise<ScanResult> {
  const { options, stop, clock } = input;
  const { run } = rebuilt;
  const { executeRebuilt } = await import('./run-slice.js');
  const { summarizeStoredRun, writeReports } = await import('./reports.js');
  await store.runs.setStatus({ id: run.id, status: 'running', at: clock.now() });
  let slice;
  try {
    slice = await executeRebuilt(store, rebuilt, {
      signal: stop, clock, ...(options.batching ? { batching: options.batching } : {}),
      ...(options.onStart ? { onStart: options.onStart } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    try { await store.runs.setStatus({ id: run.id, status: 'failed', at: clock.now() }); } catch { /* the original error matters more */ }
    throw error;
  }
  const complete = slice.recordedInRun >= run.planned;
  const status = slice.failure !== undefined ? 'failed' : complete ? 'completed' : 'interrupted';
  await store.runs.setStatus({ id: run.id, status, at: clock.now(), ...(slice.failure === undefined ? {} : { failure: slice.failure }) });
  const finished = await store.runs.require(run.id);
  const summary = await summarizeStoredRun(store, finished);
  // Reports go next to a SQLite file; for a PostgreSQL store, into the configuration's output folder.
  const reportDir = input.location === ':memory:' ? process.cwd()
    : isPostgresLocation(input.location) ? resolve(run.baseDir, rebuilt.config.output.dir) : dirname(input.location);
  const reports = await writeReports({ store, run: finished, summary, dir: reportDir, paths: options.reports ?? {} });
  return {
    run: finished, summary, database: store.location, reports, interrupted: !complete && slice.failure === undefined,
    ...(slice.budgetSpent === undefined ? {} : { budgetSpent: slice.budgetSpent }), ...(slice.failure === undefined ? {} : { failure: slice.failure }),
    ...(slice.listener === undefined ? {} : { listener: slice.listener }),
  };
}
