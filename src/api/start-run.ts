import { assertPlanSize } from './select.js';
import { randomBytes, randomInt } from 'node:crypto';
import { validateConfig } from '../config/load-config.js';
import { loadPlugins } from '../config/load-plugins.js';
import type { RedlineConfig } from '../config/schema.js';
import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { planRun, type Plan } from '../engine/plan.js';
import { closePrepared } from './close-prepared.js';
import { inlineCalibration } from './load-calibration.js';
import { prepareRun, type PreparedRun } from './prepare-run.js';
import { probeTarget } from './probe-target.js';
import { inlineDocumentPairs, preflightReport, type PreflightReport } from './preflight.js';
import { redlineVersion } from './version.js';

/** What a new run is made from; every field is optional and the defaults scan the built-in demo target. */
export type StartRunInput = {
  /** The configuration (as in redline.yaml); validated here. */
  readonly config?: unknown;
  /** Where the configuration came from, for error messages. */
  readonly configFile?: string;
  /** Folder relative paths resolve against (default: the working directory); stored, so every slice reads the same files. */
  readonly baseDir?: string;
  /** Environment variables for secrets referenced by name (default: none); never stored. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Clock (tests). */
  readonly clock?: Clock;
};

/** A registered run: the run as stored, and how many goal × technique pairs its plan left out. */
export type StartedRun = {
  /** The run (status 'running'). */
  readonly run: StoredRun;
  /** Goal × technique pairs left out as not applicable. */
  readonly skippedPairs: number;
};

/** A configuration read, prepared and planned, ready to be registered with a store. */
export type PreparedStart = {
  /** The validated configuration (calibration inlined). */
  readonly config: RedlineConfig;
  /** Its components, built and hashed. */
  readonly prepared: PreparedRun;
  /** Its plan. */
  readonly plan: Plan;
  /** Folder relative paths resolve against. */
  readonly baseDir: string;
  /** What the preflight skipped or adapted. */
  readonly preflight: PreflightReport;
};

/**
 * A new run id from the time and a random suffix, e.g. r-20261204-190112-4f2a9c01. The suffix has 32 bits: with 16,
 * scans started in the same second into one database collided often enough to fail one in a hundred-scan test
 * (birthday odds ~k²/2¹⁷ per second for k scans); older 4-digit ids stay valid, ids are opaque.
 */
export function newRunId(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r-${stamp}-${randomBytes(4).toString('hex')}`;
}

/**
 * Reads every goal, dataset and file a configuration names (its plugins first), builds and hashes its components and
 * plans the run, touching no store: bad input fails here and leaves nothing behind.
 */
export async function prepareStart(input: StartRunInput & { readonly stop?: AbortSignal }): Promise<PreparedStart> {
  const baseDir = input.baseDir ?? process.cwd();
  const configFile = input.configFile ?? '<options>';
  const components = await loadPlugins({ config: input.config, file: configFile, baseDir });
  const config = inlineCalibration(validateConfig(input.config, configFile, components), { file: configFile, baseDir });
  const prepared = prepareRun(config, { file: configFile, baseDir, env: input.env ?? {}, stop: input.stop ?? new AbortController().signal, clock: input.clock ?? systemClock(), components });
  const plan = planRun({ goals: prepared.goals, techniques: prepared.techniques, chains: prepared.chains, identity: prepared.identity, trials: config.trials, admit: prepared.admit });
  try {
    assertPlanSize(plan.size, config.select, configFile);
  } catch (error) {
    void closePrepared(prepared);
    throw error;
  }
  const inline = inlineDocumentPairs({
    target: prepared.target, goals: prepared.goals, techniques: prepared.techniques, admit: prepared.admit,
    attemptsPerPair: (goal) => (goal.goal.persona === 'benign' ? 1 : prepared.chains.length) * config.trials,
  });
  const preflight = preflightReport({ skipped: plan.skipped, unscorable: prepared.scoring.unscorable, inline });
  return { config, prepared, plan, baseDir, preflight };
}

/** Registers a prepared run with a store: the run row (status 'running') and every component its attempts name. */
export async function registerRun(store: RunStore, start: PreparedStart, clock: Clock = systemClock()): Promise<StartedRun> {
  const createdAt = clock.now();
  const { config, prepared, plan } = start;
  const run: StoredRun = {
    id: newRunId(createdAt), targetId: prepared.target.id, simulated: prepared.target.simulated, status: 'running',
    seed: config.seed ?? randomInt(0, 2 ** 32 - 1), planned: plan.size, hashes: prepared.hashes, createdAt,
    trials: config.trials, config, baseDir: start.baseDir, redlineVersion: redlineVersion(), preflight: start.preflight,
  };
  await store.runs.create({ run, components: prepared.components });
  return { run, skippedPairs: plan.skippedPairs };
}

/**
 * The coordinator's step: prepares a configuration, plans it and registers the run. Workers then execute it in
 * slices (`runSlice`), each rebuilding the components from the stored configuration.
 */
export async function startRun(store: RunStore, input: StartRunInput = {}): Promise<StartedRun> {
  const start = await prepareStart(input);
  try {
    await probeTarget(start.prepared.target, { config: start.config, clock: input.clock ?? systemClock(), stop: new AbortController().signal });
    return await registerRun(store, start, input.clock);
  } finally {
    await closePrepared(start.prepared);
  }
}
