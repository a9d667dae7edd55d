import { randomInt } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { validateConfig } from '../config/load-config.js';
import type { RedlineConfig } from '../config/schema.js';
import { StoreError } from '../core/errors.js';
import { seededRandom } from '../core/random.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { executeRun, type Progress } from '../engine/execute-run.js';
import { planRun } from '../engine/plan.js';
import { createTranslator } from '../engine/translator.js';
import { helperModelFor } from './helper-model-for.js';
import { createRunBudget } from '../engine/budget.js';
import { createRateLimiter } from '../engine/rate-limiter.js';
import type { RunSummary } from '../stats/summary.js';
import { createAttemptWriter, type WriteBatching } from '../store/attempt-writer.js';
import { openDatabase } from '../store/open-database.js';
import { createRun, requireRun, setRunStatus, type StoredRun } from '../store/run-store.js';
import { inlineCalibration } from './load-calibration.js';
import { prepareRun, type PreparedRun } from './prepare-run.js';
import { summarizeStoredRun, writeReports, type ReportPaths } from './reports.js';
import { redlineVersion } from './version.js';

/** Options of a scan; every field is optional and the defaults scan the built-in demo target. */
export type ScanOptions = {
  /** The configuration (as in redline.yaml); validated here. Ignored on resume, which uses the stored one. */
  readonly config?: unknown;
  /** Where the configuration came from, for error messages. */
  readonly configFile?: string;
  /** Folder relative paths resolve against (default: the working directory). */
  readonly baseDir?: string;
  /** Environment variables for secrets referenced by name (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Database file, overriding the configuration's; ':memory:' keeps nothing (pair it with reports: false). */
  readonly database?: string;
  /** Id of an interrupted run to finish. */
  readonly resume?: string;
  /** Stops the scan cleanly: in-flight attempts are dropped unrecorded, and the run can be resumed. */
  readonly signal?: AbortSignal;
  /** Called once the plan is known. */
  readonly onStart?: (info: { run: StoredRun; alreadyRecorded: number; skippedPairs: number }) => void;
  /** Called after each recorded attempt. */
  readonly onProgress?: (progress: Progress) => void;
  /** Report files; default: JSON and HTML next to the database. `false` skips one. */
  readonly reports?: { readonly json?: string | false; readonly html?: string | false };
  /** Clock (tests). */
  readonly clock?: Clock;
  /** How finished attempts are grouped into transactions (default: at most one commit per 10 ms, of at most 128 attempts). */
  readonly batching?: WriteBatching;
};

/** What a scan leaves behind. */
export type ScanResult = {
  /** The run as stored at the end. */
  readonly run: StoredRun;
  /** Its summary (the JSON report's content). */
  readonly summary: RunSummary;
  /** The database file. */
  readonly database: string;
  /** Report files written. */
  readonly reports: ReportPaths;
  /** True when the scan was stopped before the plan was done. */
  readonly interrupted: boolean;
  /** Why the run's budget stopped it, when it did (the run can be resumed). */
  readonly budgetSpent?: string;
};

function newRunId(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r-${stamp}-${randomInt(0, 0xffff).toString(16).padStart(4, '0')}`;
}

/** The database file a configuration points at. */
export function databasePath(config: RedlineConfig, baseDir: string): string {
  return resolve(baseDir, config.output.database ?? join(config.output.dir, 'redline.db'));
}

function assertResumable(stored: StoredRun, prepared: PreparedRun, file: string): void {
  const changed = (['target', 'goals'] as const).filter((k) => stored.hashes[k] !== prepared.hashes[k]);
  for (const kind of ['techniques', 'chains', 'scorers'] as const) {
    for (const [id, hash] of Object.entries(prepared.hashes[kind])) if (stored.hashes[kind][id] !== hash) changed.push(`${kind}.${id}` as never);
  }
  if (changed.length > 0) {
    throw new StoreError(`run ${stored.id} cannot be resumed: its components changed since it started (${changed.join(', ')})`, {
      file,
      hint: 'start a new run instead; a resumed run must use exactly the components it began with',
    });
  }
}

/** Runs a red-team scan end to end: plan, send, score, store attempts as they end (in batches), then summarize. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const baseDir = options.baseDir ?? process.cwd();
  const clock = options.clock ?? systemClock();
  const env = options.env ?? {};
  const configFile = options.configFile ?? '<options>';
  const current = validateConfig(options.config, configFile);
  const database = options.database === ':memory:' ? ':memory:'
    : options.database ? resolve(baseDir, options.database) : databasePath(current, baseDir);
  const stop = options.signal ?? new AbortController().signal;
  // A new run reads every goal, dataset and file before the database is touched: bad input leaves nothing behind.
  let config: RedlineConfig | undefined;
  let prepared: PreparedRun | undefined;
  if (options.resume === undefined) {
    config = inlineCalibration(current, { file: configFile, baseDir });
    prepared = prepareRun(config, { file: configFile, baseDir, env, stop, clock });
  }
  let db;
  try {
    db = openDatabase(database);
  } catch (error) {
    await closeTargets(prepared);
    throw error;
  }
  try {
    let run: StoredRun;
    if (options.resume !== undefined) {
      const stored = requireRun(db, { id: options.resume, file: database });
      config = inlineCalibration(validateConfig(stored.config, `run ${stored.id}`), { file: `run ${stored.id}`, baseDir: stored.baseDir });
      prepared = prepareRun(config, { file: `run ${stored.id}`, baseDir: stored.baseDir, env, stop, clock });
      assertResumable(stored, prepared, database);
      run = { ...stored, status: 'running' };
    }
    if (config === undefined || prepared === undefined) throw new Error('unreachable: no configuration prepared');
    const plan = planRun({ goals: prepared.goals, techniques: prepared.techniques, chains: prepared.chains, trials: config.trials });
    if (options.resume === undefined) {
      const createdAt = clock.now();
      run = {
        id: newRunId(createdAt), targetId: prepared.target.id, simulated: prepared.target.simulated, status: 'running',
        seed: config.seed ?? randomInt(0, 2 ** 32 - 1), planned: plan.size, hashes: prepared.hashes, createdAt,
        trials: config.trials, config, baseDir, redlineVersion: redlineVersion(),
      };
      createRun(db, { run, components: prepared.components });
    }
    setRunStatus(db, { id: run!.id, status: 'running', at: clock.now() });
    const writer = createAttemptWriter(db, { run: run!, file: database, ...(options.batching ? { batching: options.batching } : {}) });
    options.onStart?.({ run: run!, alreadyRecorded: writer.recordedCount, skippedPairs: plan.skippedPairs });
    let result;
    try {
      result = await executeRun({
        plan,
        concurrency: config.concurrency,
        sink: writer,
        alreadyRecorded: writer.recordedCount,
        onProgress: options.onProgress,
        context: {
          target: prepared.target,
          limiter: createRateLimiter(config.rateLimit, clock),
          clock,
          retry: config.retry,
          timeoutMs: config.timeoutMs,
          random: seededRandom(run!.seed ^ 0x5bd1e995),
          completionTokenEstimate: 256,
          stop,
          scorers: prepared.scoring.scorers,
          decidingScorer: prepared.scoring.decidingScorer,
          runSeed: run!.seed,
          limits: config.budget.attempt,
          runBudget: createRunBudget(config.budget.run, clock.now()),
          ...(prepared.attacker === undefined ? {} : {
            attacker: helperModelFor(prepared.attacker, { config, clock, stop, seed: run!.seed ^ 0x61747461, completionTokenEstimate: 512 }),
          }),
          ...(prepared.translator === undefined ? {} : {
            translator: createTranslator(helperModelFor(prepared.translator, { config, clock, stop, seed: run!.seed ^ 0x2545f491, completionTokenEstimate: 256 })),
          }),
        },
      });
    } catch (error) {
      try { setRunStatus(db, { id: run!.id, status: 'failed', at: clock.now() }); } catch { /* the original error matters more */ }
      throw error;
    } finally {
      await closeTargets(prepared);
    }
    const complete = writer.recordedCount >= plan.size;
    setRunStatus(db, { id: run!.id, status: complete ? 'completed' : 'interrupted', at: clock.now() });
    const finished = requireRun(db, { id: run!.id, file: database });
    const summary = summarizeStoredRun(db, finished);
    const reports = writeReports({ db, run: finished, summary, dir: dirname(database), paths: options.reports ?? {} });
    return { run: finished, summary, database, reports, interrupted: !complete, ...(result.budgetSpent === undefined ? {} : { budgetSpent: result.budgetSpent }) };
  } finally {
    db.close();
  }
}

/** Releases the sockets of every target a run prepared (target, translator, judge, attacker). */
async function closeTargets(prepared: PreparedRun | undefined): Promise<void> {
  await prepared?.target.close?.();
  await prepared?.translator?.close?.();
  await prepared?.judge?.close?.();
  await prepared?.attacker?.close?.();
}
