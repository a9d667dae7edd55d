import { pricing } from './pricing.js';
import { validateConfig } from '../config/load-config.js';
import { loadPlugins } from '../config/load-plugins.js';
import type { RedlineConfig } from '../config/schema.js';
import { StoreError } from '../core/errors.js';
import { seededRandom } from '../core/random.js';
import type { OutcomeCounts } from '../core/counts.js';
import type { RunFailure, StoredRun } from '../core/run.js';
import type { RunStore, WriteBatching } from '../core/run-store.js';
import { createRunBudget, type RunBudget } from '../engine/budget.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { executeSlice, type Progress } from '../engine/execute-slice.js';
import { planRun, type Plan } from '../engine/plan.js';
import { createRateLimiter, type RateLimiter } from '../engine/rate-limiter.js';
import { createTranslator } from '../engine/translator.js';
import { runTokens, startExfilListener, type ExfilListener, type ExfilListenerCounts } from './exfil-listener.js';
import { closePrepared } from './close-prepared.js';
import { helperModelFor } from './helper-model-for.js';
import { inlineCalibration } from './load-calibration.js';
import { prepareRun, type PreparedRun } from './prepare-run.js';

/** How a worker executes part of a stored run. */
export type RunSliceInput = {
  /** The run. */
  readonly runId: string;
  /** Plan positions to execute, in order (default: every position not yet recorded); recorded ones are skipped. */
  readonly seqs?: Iterable<number>;
  /** Environment variables for secrets referenced by name (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Stops the slice cleanly: in-flight attempts are dropped unrecorded, to be run again by a later slice. */
  readonly signal?: AbortSignal;
  /** Attempts in flight at once (default: the configuration's). */
  readonly concurrency?: number;
  /** The rate limiter to pass (default: one per process from the configuration; a shared one for many workers). */
  readonly limiter?: RateLimiter;
  /** The run's budget (default: one per process from the configuration; a shared one for many workers). */
  readonly budget?: RunBudget;
  /** How finished attempts are grouped into transactions. */
  readonly batching?: WriteBatching;
  /** Clock (tests). */
  readonly clock?: Clock;
  /**
   * Called once the worker has rebuilt the run, before anything is sent: with the attempts already recorded and
   * their outcomes (what a resumed run's progress starts from).
   */
  readonly onStart?: (info: { run: StoredRun; alreadyRecorded: number; recordedOutcomes: OutcomeCounts; skippedPairs: number }) => void;
  /** Called after each recorded attempt. */
  readonly onProgress?: (progress: Progress) => void;
  /** Leaves the rebuilt run's targets open after the slice (a queue worker runs many slices of one run). */
  readonly keepPrepared?: boolean;
};

/** How a slice ended. */
export type SliceResult = {
  /** The run, as stored. */
  readonly run: StoredRun;
  /** Attempts this slice recorded. */
  readonly recorded: number;
  /** Attempts of the run recorded by any slice, this one included. */
  readonly recordedInRun: number;
  /** True when the stop signal or the run's budget ended the slice before its positions were done. */
  readonly interrupted: boolean;
  /** Why the run's budget stopped it, when it did. */
  readonly budgetSpent?: string;
  /** Why the error budget stopped it: the target kept failing, so nothing it recorded can be read as a rate. */
  readonly failure?: RunFailure;
  /** What the out-of-band listener received, and tool calls that carried a token, when the run planted its addresses. */
  readonly listener?: ExfilListenerCounts & { readonly baseUrl: string; readonly toolCalls: number };
};

/** A stored run rebuilt in this process: its configuration, components and plan. */
export type RebuiltRun = { readonly run: StoredRun; readonly config: RedlineConfig; readonly prepared: PreparedRun; readonly plan: Plan };

/** Fails when a component's hash differs from the one stored with the run: a slice must run exactly what the run began with. */
function assertUnchanged(stored: StoredRun, prepared: PreparedRun, where: string): void {
  const changed: string[] = (['target', 'goals'] as const).filter((k) => stored.hashes[k] !== prepared.hashes[k]);
  for (const kind of ['techniques', 'chains', 'scorers'] as const) {
    for (const [id, hash] of Object.entries(prepared.hashes[kind])) if (stored.hashes[kind][id] !== hash) changed.push(`${kind}.${id}`);
  }
  if (changed.length > 0) {
    throw new StoreError(`run ${stored.id} cannot be resumed: its components changed since it started (${changed.join(', ')})`, {
      file: where,
      hint: 'start a new run instead; a resumed run must use exactly the components it began with',
    });
  }
}

/** Rebuilds a stored run exactly as it was prepared: from its stored configuration and folder, checked against its hashes. */
export async function rebuildRun(store: RunStore, input: {
  runId: string; env?: RunSliceInput['env']; stop: AbortSignal; clock: Clock;
  /** Attempts this process keeps in flight, when not the run's (a queue worker's own): its targets' connection pools are sized for it. */
  concurrency?: number;
}): Promise<RebuiltRun> {
  const run = await store.runs.require(input.runId);
  const label = `run ${run.id}`;
  if ((run.config as { kind?: unknown } | undefined)?.kind === 'ml-scan') {
    throw new StoreError(`${label} is a classic-ML scan (redline ml scan): it cannot be resumed or sliced as an LLM scan`, {
      file: store.location, hint: 'start it again with `redline ml scan --config FILE`; read it with `redline report`, `redline attempt` or `redline compare`',
    });
  }
  // The stored configuration names the plugins it was started with: they are imported again, from the run's folder.
  const components = await loadPlugins({ config: run.config, file: label, baseDir: run.baseDir });
  const validated = inlineCalibration(validateConfig(run.config, label, components), { file: label, baseDir: run.baseDir });
  const config = input.concurrency === undefined ? validated : { ...validated, concurrency: input.concurrency };
  const prepared = prepareRun(config, { file: label, baseDir: run.baseDir, env: input.env ?? {}, stop: input.stop, clock: input.clock, components });
  try {
    assertUnchanged(run, prepared, store.location);
  } catch (error) {
    await closePrepared(prepared);
    throw error;
  }
  const plan = planRun({ goals: prepared.goals, techniques: prepared.techniques, chains: prepared.chains, identity: prepared.identity, trials: config.trials, admit: prepared.admit });
  if (plan.size !== run.planned) {
    await closePrepared(prepared);
    throw new StoreError(`run ${run.id} cannot be resumed: its plan now has ${plan.size} attempts, not the ${run.planned} it began with`, {
      file: store.location, hint: 'start a new run instead; this Redline plans the stored configuration differently',
    });
  }
  return { run, config, prepared, plan };
}

const NO_OUTCOMES: OutcomeCounts = { success: 0, failure: 0, error: 0, unscored: 0 };

// The outcome counts of every cell added up: what the run has recorded so far.
function sumOutcomes(cells: readonly OutcomeCounts[]): OutcomeCounts {
  return cells.reduce((sum, c) => ({ success: sum.success + c.success, failure: sum.failure + c.failure, error: sum.error + c.error, unscored: sum.unscored + c.unscored }), NO_OUTCOMES);
}

/** Executes positions of a rebuilt run against its prepared components; closes its targets when done. */
export async function executeRebuilt(store: RunStore, rebuilt: RebuiltRun, input: Omit<RunSliceInput, 'runId'>): Promise<SliceResult> {
  const { run, config, prepared, plan } = rebuilt;
  const clock = input.clock ?? systemClock();
  const stop = input.signal ?? new AbortController().signal;
  let listener: ExfilListener | undefined;
  try {
    // Goals that plant listener addresses: each attempt's token, fetched or followed, is recorded against it.
    const witness = prepared.exfil;
    if (witness !== undefined) {
      listener = await startExfilListener({ ...config.listener, attribute: runTokens(run.id), onHit: (hit) => witness.record(hit) });
    }
    const writer = await store.attempts.openWriter({ run, components: prepared.refs, ...(input.batching ? { batching: input.batching } : {}) });
    if (input.onStart) {
      const recordedOutcomes = writer.recordedCount === 0 ? NO_OUTCOMES : sumOutcomes(await store.aggregates.cells(run.id));
      input.onStart({ run, alreadyRecorded: writer.recordedCount, recordedOutcomes, skippedPairs: plan.skippedPairs });
    }
    const outcome = await executeSlice({
      plan,
      seqs: input.seqs ?? Array.from({ length: plan.size }, (_, seq) => seq),
      concurrency: input.concurrency ?? config.concurrency,
      writer,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      ...(config.errorBudget.stop ? { errorBudget: config.errorBudget } : {}),
      context: {
        target: prepared.target,
        limiter: input.limiter ?? createRateLimiter(config.rateLimit, clock),
        clock,
        retry: config.retry,
        timeoutMs: config.timeoutMs,
        random: seededRandom(run.seed ^ 0x5bd1e995),
        completionTokenEstimate: 256,
        stop,
        components: prepared.resolver,
        scorers: prepared.scoring.scorers,
        decidingScorer: prepared.scoring.decidingScorer,
        runSeed: run.seed,
        ...(listener === undefined || prepared.exfil === undefined ? {} : { exfil: { baseUrl: listener.baseUrl, runId: run.id, witness: prepared.exfil } }),
        limits: config.budget.attempt,
        runBudget: input.budget ?? createRunBudget(config.budget.run, clock.now(), pricing(config)),
        ...(prepared.attacker === undefined ? {} : {
          attacker: helperModelFor(prepared.attacker, { config, clock, stop, seed: run.seed ^ 0x61747461, completionTokenEstimate: 512 }),
        }),
        ...(prepared.translator === undefined ? {} : {
          translator: createTranslator(helperModelFor(prepared.translator, { config, clock, stop, seed: run.seed ^ 0x2545f491, completionTokenEstimate: 256 })),
        }),
      },
    });
    return {
      run, recorded: outcome.recorded, recordedInRun: writer.recordedCount, interrupted: outcome.interrupted,
      ...(outcome.budgetSpent === undefined ? {} : { budgetSpent: outcome.budgetSpent }), ...(outcome.failure === undefined ? {} : { failure: outcome.failure }),
      ...(listener === undefined ? {} : { listener: { baseUrl: listener.baseUrl, ...listener.counts(), toolCalls: prepared.exfil?.counts().toolCalls ?? 0 } }),
    };
  } finally {
    await listener?.close();
    if (input.keepPrepared !== true) await closePrepared(prepared);
  }
}

/**
 * The worker's step: rebuilds a stored run from its stored configuration (exactly as a resume does) and executes
 * the given plan positions, storing each attempt once. Any split of a run into slices, in any order, stores what
 * one whole run stores.
 */
export async function runSlice(store: RunStore, input: RunSliceInput): Promise<SliceResult> {
  const clock = input.clock ?? systemClock();
  const stop = input.signal ?? new AbortController().signal;
  const rebuilt = await rebuildRun(store, { runId: input.runId, ...(input.env ? { env: input.env } : {}), stop, clock });
  return executeRebuilt(store, rebuilt, input);
}
