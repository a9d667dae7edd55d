import { randomInt } from 'node:crypto';
import { validateMlScanConfig, type MlScanConfig } from '../config/ml-scan-schema.js';
import type { Attempt } from '../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../core/component-ref.js';
import { ConfigError, TargetError } from '../core/errors.js';
import { contentHash } from '../core/hash.js';
import type { ClassifierTarget, MlSample, TensorSpec } from '../core/ml.js';
import { deriveSeed, seededRandom } from '../core/random.js';
import type { PreflightEntry, StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { EVASION_SCORER, runEvasionAttempt, type PlannedEvasion } from '../engine/ml-evasion-attempt.js';
import { createRateLimiter } from '../engine/rate-limiter.js';
import type { CallContext } from '../engine/send-with-retry.js';
import { engineClassify, victimLabels } from '../engine/ml-classify.js';
import { createClassifierTarget } from '../ml/targets/registry.js';
import { evasionAttacks } from '../ml/evasion-registry.js';
import { loadMlSamples } from './ml-samples.js';
import { extractionPhases, membershipPhases, sampleGoal } from './ml-phases.js';
import { summarizeMlRun, type MlRunSummary } from './ml-summary.js';
import { openStoreAt, storeLocation } from './open-store.js';
import { newRunId } from './start-run.js';
import { redlineVersion } from './version.js';

/** Options of `mlScan`; the library may hand its own classifier and samples instead of configuring them. */
export type MlScanOptions = {
  /** The configuration (an ML scan's YAML, parsed). */
  readonly config: unknown;
  /** Where it came from, for error messages. */
  readonly configFile?: string;
  /** Folder relative paths resolve against. */
  readonly baseDir?: string;
  /** Environment variables for secrets referenced by name (`${NAME}` in headers); never stored. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A classifier to attack instead of `config.target` (a function classifier, say). */
  readonly target?: ClassifierTarget;
  /** Samples instead of `config.samples`. */
  readonly samples?: readonly MlSample[];
  /** The store to use (left open); without it the configured SQLite file is opened and closed. */
  readonly store?: RunStore;
  /** SQLite file overriding the configuration's. */
  readonly database?: string;
  /** Stops the scan: attempts in flight are dropped, the run is left interrupted. */
  readonly signal?: AbortSignal;
  /** Clock (tests). */
  readonly clock?: Clock;
  /** Called once the run is registered. */
  readonly onStart?: (info: { readonly run: StoredRun; readonly screened: number; readonly misclassified: number }) => void;
  /** Called after each recorded attempt. */
  readonly onProgress?: (done: number, planned: number) => void;
};

/** What an ML scan leaves behind. */
export type MlScanResult = {
  /** The run as stored at the end. */
  readonly run: StoredRun;
  /** Its figures per attack. */
  readonly summary: MlRunSummary;
  /** Where it is stored. */
  readonly database: string;
  /** True when stopped before the plan was done. */
  readonly interrupted: boolean;
  /** Why the run's query budget stopped it, when it did. */
  readonly budgetSpent?: string;
};

/** The stored configuration of an ML run carries this marker, so LLM commands can tell it apart. */
export const ML_RUN_KIND = 'ml-scan';

/** The success bound of an attack in input units, when the configuration gives none. */
function defaultEpsilon(info: PlannedEvasion['info'], options: Record<string, unknown>, input: TensorSpec | undefined): number {
  const range = input === undefined ? 1 : input.max - input.min;
  const features = input?.shape.reduce((a, b) => a * b, 1) ?? 1;
  switch (info.norm) {
    case 'l2':
      return 0.07 * range * Math.sqrt(features);
    case 'linf':
      return (typeof options['epsilon'] === 'number' ? options['epsilon'] : 0.3) * range;
    case 'l0':
      return Math.ceil(0.05 * features);
    case 'words':
      return typeof options['maxPerturbedFraction'] === 'number' ? options['maxPerturbedFraction'] : 0.25;
  }
}

function planAttacks(config: MlScanConfig, target: ClassifierTarget, file: string): { planned: PlannedEvasion[]; skipped: PreflightEntry[] } {
  const planned: PlannedEvasion[] = [];
  const skipped: PreflightEntry[] = [];
  config.attacks.forEach((entry, i) => {
    const descriptor = evasionAttacks.get(entry.id, { file, path: `attacks[${i}].id` });
    if (!descriptor.modalities.includes(target.modality)) {
      throw new ConfigError(`${file}: attacks[${i}]: ${descriptor.id} attacks ${descriptor.modalities.join(' and ')} inputs; ${target.id} classifies ${target.modality}`, {
        file, path: `attacks[${i}].id`, hint: `pick an attack for ${target.modality} inputs (redline ml attacks)`,
      });
    }
    if (descriptor.access === 'scores' && target.access === 'label') {
      skipped.push({
        kind: 'scores-unavailable', action: 'skipped', reason: `${descriptor.id} reads class scores; ${target.id} returns labels only`,
        hint: 'use a label-only attack (hop-skip-jump, sign-opt) or a target configured to return probabilities', pairs: 1, attempts: config.count, goals: [],
      });
      return;
    }
    const epsilon = entry.epsilon ?? defaultEpsilon(descriptor, entry.options, target.input);
    const instance = `${descriptor.id}(budget=${entry.budget},ε=${Number(epsilon.toPrecision(3))})`;
    const hash = contentHash({ id: descriptor.id, version: descriptor.version, options: entry.options, budget: entry.budget, epsilon });
    planned.push({
      // In the attempt, the attack fills the technique's place (how the goal was pursued): reports, compare and gates read it so.
      ref: { kind: 'technique', id: descriptor.id, instance, hash }, info: descriptor,
      attack: descriptor.create(entry.options as never), budget: entry.budget, epsilon,
    });
  });
  return { planned, skipped };
}

/** Classifies the samples in batches and keeps the first `count` the victim gets right (attacking a mistake proves nothing). */
async function screen(
  samples: readonly MlSample[],
  options: { target: ClassifierTarget; count: number; call: CallContext; takeQueries?: (n: number) => boolean },
): Promise<{ kept: MlSample[]; misclassified: number; queries: number }> {
  const kept: MlSample[] = [];
  let misclassified = 0;
  const tally = { retries: 0, latencyMs: 0, queries: 0 };
  const classify = engineClassify({ target: options.target, call: options.call, tally, ...(options.takeQueries === undefined ? {} : { takeQueries: options.takeQueries }) });
  for (let at = 0; at < samples.length && kept.length < options.count; at += 100) {
    const batch = samples.slice(at, at + 100);
    const predictions = await victimLabels(classify, batch);
    if (predictions === undefined) break;
    batch.forEach((sample, i) => {
      if (kept.length >= options.count) return;
      if (predictions[i] === sample.label) kept.push(sample);
      else misclassified += 1;
    });
  }
  return { kept, misclassified, queries: tally.queries };
}

/**
 * Runs a classic-ML evasion scan: screens the samples, runs every attack on every correctly classified sample
 * through counted, rate-limited and retried queries, and stores one attempt per attack × sample, so reports,
 * compare, history and gates read it like any run.
 */
export async function mlScan(options: MlScanOptions): Promise<MlScanResult> {
  const file = options.configFile ?? '<options>';
  const baseDir = options.baseDir ?? process.cwd();
  const clock = options.clock ?? systemClock();
  const stop = options.signal ?? new AbortController().signal;
  const config = validateMlScanConfig(options.config, file);
  const target = options.target ?? createClassifierTarget(config.target, { env: options.env ?? {}, baseDir, configFile: file });
  const samples = config.attacks.length === 0 ? [] : options.samples ?? loadMlSamples(config.samples, { target, baseDir, file });
  const { planned, skipped } = planAttacks(config, target, file);
  const membership = config.membership;
  if (membership !== undefined && target.access === 'label' && membership.attacks.includes('membership-threshold')) {
    skipped.push({
      kind: 'scores-unavailable', action: 'skipped', reason: `membership-threshold reads class scores; ${target.id} returns labels only`,
      hint: 'use membership-label-only, or a target that returns probabilities', pairs: 1, attempts: 2 * membership.count, goals: [],
    });
    membership.attacks.splice(membership.attacks.indexOf('membership-threshold'), 1);
  }
  if (membership !== undefined && membership.attacks.length === 0) delete (config as { membership?: unknown }).membership;
  const seed = config.seed ?? randomInt(0, 2 ** 32 - 1);
  const budget = new AbortController();
  const call: CallContext = {
    targetId: target.id, limiter: createRateLimiter(config.rateLimit, clock), clock, retry: config.retry, timeoutMs: config.timeoutMs,
    random: seededRandom(seed ^ 0x5bd1e995), stop: AbortSignal.any([stop, budget.signal]),
  };
  const limit = config.budget.queries;
  let spent = 0;
  const takeQueries = limit === undefined ? undefined : (n: number): boolean => {
    if (spent + n > limit) {
      budget.abort();
      return false;
    }
    spent += n;
    return true;
  };
  const screened = planned.length === 0 ? { kept: [], misclassified: 0, queries: 0 }
    : await screen(samples, { target, count: config.count, call, ...(takeQueries === undefined ? {} : { takeQueries }) });
  if (planned.length > 0 && screened.kept.length === 0) {
    throw new TargetError(`${target.id} classified none of the ${screened.misclassified} samples correctly: there is nothing to attack`, {
      targetId: target.id, kind: 'no-correct-samples', retryable: false, hint: 'check that the samples\' labels use the target\'s class order',
    });
  }
  const location = storeLocation(options.database ?? config.output.database ?? `${config.output.dir}/redline.db`, baseDir);
  const store = options.store ?? await openStoreAt(location);
  try {
    return await scanInto(store, { config, target, planned, skipped, screened, seed, call, clock, location, options, ...(takeQueries === undefined ? {} : { takeQueries }) });
  } finally {
    if (options.store === undefined) await store.close();
    await target.close?.();
  }
}

type ScanInput = {
  config: MlScanConfig; target: ClassifierTarget; planned: PlannedEvasion[]; skipped: PreflightEntry[];
  screened: { kept: MlSample[]; misclassified: number; queries: number }; seed: number; call: CallContext; clock: Clock; location: string; options: MlScanOptions;
  takeQueries?: (n: number) => boolean;
};

async function scanInto(store: RunStore, input: ScanInput): Promise<MlScanResult> {
  const { config, target, planned, screened, seed, clock } = input;
  const category = `ml-evasion:${target.modality}`;
  const chain: ComponentRef = { kind: 'chain', id: 'none', instance: 'none', hash: contentHash([]) };
  const goals = screened.kept.map((sample) => {
    const label = target.labels[sample.label] ?? String(sample.label);
    return sampleGoal(sample, { text: `Make ${target.id} misclassify ${sample.id} (true class ${label})`, category, label });
  });
  const components: ComponentSpec[] = [
    ...goals.map((g) => ({ ...g.ref, spec: g.spec })),
    ...planned.map((p) => ({ ...p.ref, spec: { id: p.info.id, budget: p.budget, epsilon: p.epsilon, norm: p.info.norm, access: p.info.access, source: p.info.source } })),
    { ...chain, spec: [] },
    { ...EVASION_SCORER, spec: { id: EVASION_SCORER.id, rule: 'label changed, confirmed by one more query, within the bound' } },
  ];
  const context = {
    config, target, baseDir: input.options.baseDir ?? process.cwd(), file: input.options.configFile ?? '<options>', chain, call: input.call, seed, clock,
    ...(input.takeQueries === undefined ? {} : { takeQueries: input.takeQueries }),
  };
  const extraction = extractionPhases(context, planned.length * goals.length);
  const membership = membershipPhases(context, planned.length * goals.length + extraction.reduce((n, p) => n + p.attempts, 0));
  const phases = [...extraction, ...membership];
  components.push(...phases.flatMap((p) => p.components));
  const preflight: PreflightEntry[] = [...input.skipped];
  if (screened.misclassified > 0) {
    preflight.push({
      kind: 'misclassified', action: 'skipped', reason: `${screened.misclassified} ${screened.misclassified === 1 ? 'sample was' : 'samples were'} already misclassified by the target and ${screened.misclassified === 1 ? 'is' : 'are'} not attacked`,
      hint: 'the samples attacked are the first correctly classified ones, in order', pairs: screened.misclassified, attempts: 0, goals: [],
    });
  }
  const run: StoredRun = {
    id: newRunId(clock.now()), targetId: target.id, simulated: target.simulated, status: 'running', seed,
    planned: planned.length * goals.length + phases.reduce((n, p) => n + p.attempts, 0),
    hashes: {
      target: contentHash(config.target), goals: contentHash(components.filter((c) => c.kind === 'goal').map((g) => g.hash)),
      techniques: Object.fromEntries(components.filter((c) => c.kind === 'technique').map((c) => [c.instance, c.hash])), chains: { none: chain.hash },
      scorers: Object.fromEntries(components.filter((c) => c.kind === 'scorer').map((c) => [c.id, c.hash])),
    },
    createdAt: clock.now(), trials: 1, config: { kind: ML_RUN_KIND, ...config }, baseDir: input.options.baseDir ?? process.cwd(), redlineVersion: redlineVersion(),
    preflight: { entries: preflight },
  };
  await store.runs.create({ run, components });
  input.options.onStart?.({ run, screened: screened.kept.length + screened.misclassified, misclassified: screened.misclassified });
  const writer = await store.attempts.openWriter({ run, components: components.map(({ kind, id, instance, hash }) => ({ kind, id, instance, hash })) });
  const seqs = Array.from({ length: planned.length * goals.length }, (_, seq) => seq);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < seqs.length && !input.call.stop.aborted) {
      const seq = seqs[next++]!;
      const attack = planned[Math.floor(seq / goals.length)]!;
      const index = seq % goals.length;
      const attempt: Attempt | undefined = await runEvasionAttempt({
        seq, sample: screened.kept[index]!, goal: goals[index]!.ref, chain, category, attack, target, call: input.call,
        seed: deriveSeed(seed, attack.ref.instance, screened.kept[index]!.id), clock,
        ...(input.takeQueries === undefined ? {} : { takeQueries: input.takeQueries }),
      });
      if (attempt === undefined) return;
      writer.record(attempt);
      done += 1;
      input.options.onProgress?.(done, run.planned);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(config.concurrency, seqs.length) }, worker));
    for (const phase of phases) {
      if (input.call.stop.aborted) break;
      const attempts = await phase.run();
      if (attempts === undefined) break;
      for (const attempt of attempts) {
        writer.record(attempt);
        done += 1;
      }
      input.options.onProgress?.(done, run.planned);
    }
  } finally {
    await writer.flush();
  }
  const interrupted = done < run.planned;
  await store.runs.setStatus({ id: run.id, status: interrupted ? 'interrupted' : 'completed', at: clock.now() });
  const stored = await store.runs.require(run.id);
  const budgetSpent = input.takeQueries !== undefined && input.call.stop.aborted && input.options.signal?.aborted !== true
    ? `the run's budget of ${config.budget.queries} queries was spent after ${done} of ${run.planned} attempts` : undefined;
  return {
    run: stored, summary: await summarizeMlRun(store, stored, { screeningQueries: screened.queries }), database: input.location, interrupted,
    ...(budgetSpent === undefined ? {} : { budgetSpent }),
  };
}
