import type { RedlineConfig } from '../config/schema.js';
import { resolve } from 'node:path';
import { systemClock, type Clock } from '../engine/clock.js';
import { buildConfiguredTarget, buildTarget, knownSecretsOf } from './build-target.js';
import { judgeModelFor } from './judge-model-for.js';
import { buildChain, chainHash, chainStep } from '../converters/chain.js';
import { splitEntry } from '../config/component-entry.js';
import { ConfigError } from '../core/errors.js';
import { builtinComponents, type Components } from '../config/components.js';
import { contentHash } from '../core/hash.js';
import { createExfilWitness, goalNeedsListener, type ExfilWitness } from '../core/exfil.js';
import type { ComponentHashes } from '../core/run.js';
import type { Target } from '../core/target.js';
import type { ComponentRef, ComponentSpec } from '../core/component-ref.js';
import type { ComponentResolver } from '../engine/attempt-context.js';
import type { PlannedChain, PlannedGoal, PlannedTechnique } from '../engine/plan.js';
import { prepareTechnique } from '../techniques/technique-hash.js';
import type { TargetOptions } from '../targets/registry.js';
import { preflightAdmission } from './preflight.js';
import { prepareGoals } from './prepare-goals.js';
import { selectChains, selectGoals, selectTechniques } from './select.js';
import { prepareScoring, type PreparedScoring } from './prepare-scorers.js';

/** Everything a run is made of, built and hashed. */
export type PreparedRun = {
  /** The target, ready to send. */
  readonly target: Target;
  /** The translator model (`models.translator`), when configured: a target type playing a model role. */
  readonly translator?: Target;
  /** The judge model (`models.judge`), when configured (closed with the run). */
  readonly judge?: Target;
  /** The attacker model (`models.attacker`), when configured. */
  readonly attacker?: Target;
  /** Goals with their references. */
  readonly goals: readonly PlannedGoal[];
  /** Techniques with their references. */
  readonly techniques: readonly PlannedTechnique[];
  /** Converter chains for malicious goals, with their references. */
  readonly chains: readonly PlannedChain[];
  /** The identity chain (configured or not): benign goals are always sent unconverted. */
  readonly identity: PlannedChain;
  /** Finds a planned attempt's live components by reference. */
  readonly resolver: ComponentResolver;
  /** Scorers, and who decides each goal. */
  readonly scoring: PreparedScoring;
  /** Content hashes, stored on the run. */
  readonly hashes: ComponentHashes;
  /** Component descriptions, stored once and referenced by every attempt. */
  readonly components: readonly ComponentSpec[];
  /** References of every component an attempt may name (for the store's writer). */
  readonly refs: readonly ComponentRef[];
  /** The out-of-band listener's hits, when goals plant its addresses: the slice starts the listener and feeds it. */
  readonly exfil?: ExfilWitness;
  /** The preflight's admission rule: why a goal × technique pair cannot run here, or undefined to run it. */
  readonly admit: (goal: PlannedGoal, technique: PlannedTechnique) => string | undefined;
};

/** Where a configuration came from, what it may read, and how helper models are asked. */
export type PrepareContext = {
  /** Stops helper-model calls (the judge) with the run. */
  readonly stop?: AbortSignal;
  /** Clock for helper-model retries. */
  readonly clock?: Clock;
  /** Config file (for messages). */
  readonly file: string;
  /** Folder relative paths resolve against. */
  readonly baseDir: string;
  /** Environment, for secrets referenced by name. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The components the configuration may name (default: Redline's own; `loadPlugins` adds a configuration's plugins'). */
  readonly components?: Components;
};

/** Builds and hashes every component a configuration names. */
export function prepareRun(config: RedlineConfig, context: PrepareContext): PreparedRun {
  const registered = context.components ?? builtinComponents;
  const targetOptions = config.target as Record<string, unknown>;
  const targetContext = { env: context.env, baseDir: context.baseDir, configFile: context.file, connections: config.concurrency };
  const build = (options: TargetOptions | undefined): Target | undefined =>
    options === undefined ? undefined : buildTarget(options, { components: registered, context: targetContext });
  const target = buildConfiguredTarget(config.target, { components: registered, context: targetContext });
  const translator = build(config.models.translator);
  const judgeTarget = build(config.models.judge);
  const attacker = build(config.models.attacker);
  const clock = context.clock ?? systemClock();
  const judge = judgeTarget === undefined ? undefined : judgeModelFor(judgeTarget, { config, clock, stop: context.stop ?? new AbortController().signal });
  assertCalibratedJudge(config, { judge: judge?.id, file: context.file });
  // `select` narrows what runs before anything is hashed or planned (it is stored with the run, so a resume narrows alike).
  const goalList = selectGoals(prepareGoals(config.goals, { ...context, datasetDir: resolve(context.baseDir, config.output.dir, 'datasets') }), config.select, context.file);
  const goals: PlannedGoal[] = goalList.map((goal) => ({ goal, ref: { kind: 'goal', id: goal.id, instance: goal.id, hash: contentHash(goal) } }));
  const configured = config.techniques.map((entry, index) => {
    const { id, options } = splitEntry(entry);
    // An option named `file` is a path, relative to the configuration's folder like every other path.
    const descriptor = registered.techniques.get(id);
    const prepared = withPath(() => prepareTechnique(descriptor, options, (path) => resolve(context.baseDir, path)), { file: context.file, path: `techniques[${index}]` });
    return { prepared, index, id: descriptor.id, instance: prepared.id, taxonomy: descriptor.taxonomy };
  });
  assertUnique(configured.map((t) => t.instance), { file: context.file, path: 'techniques' });
  const selected = selectTechniques(configured, config.select, context.file);
  const techniques = selected.map((t) => t.prepared);
  const attacking = selected.find((t) => t.prepared.descriptor.needsAttacker === true);
  if (attacking !== undefined && attacker === undefined) {
    throw new ConfigError(`${context.file}: techniques[${attacking.index}]: '${attacking.instance}' needs an attacker model`, {
      file: context.file, path: `techniques[${attacking.index}]`, hint: 'add `models.attacker` (configured like a target, e.g. type: openai with a capable model)',
    });
  }
  const translating = selected.find((t) => t.prepared.technique.translateTo !== undefined);
  if (translating !== undefined && translator === undefined) {
    throw new ConfigError(`${context.file}: techniques[${translating.index}]: '${translating.instance}' needs a translator`, {
      file: context.file, path: `techniques[${translating.index}]`, hint: 'add `models.translator` (configured like a target, e.g. type: openai with a capable model) to translate prompts and replies',
    });
  }
  const built = config.converters.map((ids) => {
    const chain = withPath(() => buildChain(ids.map((entry) => {
      const { id, options } = splitEntry(entry);
      return chainStep(registered.converters.get(id), options);
    })), { file: context.file, path: 'converters' });
    return plannedChain(chain);
  });
  assertUnique(built.map((c) => c.chain.id), { file: context.file, path: 'converters' });
  const chains = selectChains(built, config.select, context.file);
  // Goals that plant listener addresses need the out-of-band listener while the run executes; scorers read its hits.
  const exfil = goalList.some(goalNeedsListener) ? createExfilWitness() : undefined;
  const scoring = prepareScoring({
    ...(exfil === undefined ? {} : { exfil }),
    specs: config.scoring.scorers,
    decide: config.scoring.decide,
    goals: goalList,
    known: knownSecretsOf(config.target, registered),
    where: context,
    scorers: registered.scorers,
    ...(judge === undefined ? {} : { judge }),
  });
  const hashes: ComponentHashes = {
    target: contentHash(targetOptions),
    goals: contentHash(goals.map((g) => g.ref.hash)),
    // A technique's prompts depend on the translator or attacker it asks, so its hash covers their configuration.
    techniques: Object.fromEntries(techniques.map((t) => [t.id, t.technique.translateTo !== undefined ? contentHash([t.hash, config.models.translator])
      : t.descriptor.needsAttacker === true ? contentHash([t.hash, config.models.attacker]) : t.hash])),
    chains: Object.fromEntries(chains.map((c) => [c.chain.id, c.ref.hash])),
    scorers: Object.fromEntries(scoring.scorers.map((s) => [s.scorer.id, s.ref.hash])),
  };
  const planned: PlannedTechnique[] = techniques.map((t) => ({
    descriptor: t.descriptor, technique: t.technique, ref: { kind: 'technique', id: t.descriptor.id, instance: t.id, hash: hashes.techniques[t.id]! },
  }));
  // Benign goals always use the identity chain (engine/plan.ts), so it is registered even when not configured.
  const identity = chains.find((c) => c.chain.steps.length === 0) ?? plannedChain(buildChain([]));
  const chainComponents = chains.includes(identity) ? chains : [...chains, identity];
  const components: ComponentSpec[] = [
    ...goals.map((g) => ({ ...g.ref, spec: g.goal })),
    ...planned.map((t, i) => ({ ...t.ref, spec: { id: t.descriptor.id, version: t.descriptor.version, options: techniques[i]!.options } })),
    ...chainComponents.map((c) => ({ ...c.ref, spec: c.chain.steps.map((s) => ({ id: s.descriptor.id, version: s.descriptor.version, options: s.options })) })),
    ...scoring.scorers.map((s) => ({ ...s.ref, spec: s.spec })),
  ];
  return {
    target, ...(translator === undefined ? {} : { translator }), ...(judgeTarget === undefined ? {} : { judge: judgeTarget }), ...(attacker === undefined ? {} : { attacker }),
    goals, techniques: planned, chains, identity, scoring, hashes, components, ...(exfil === undefined ? {} : { exfil }),
    refs: components.map(({ kind, id, instance, hash }) => ({ kind, id, instance, hash })),
    admit: preflightAdmission({ target, unscorable: scoring.unscorable, documents: config.preflight.documents }),
    resolver: componentResolver({ goals, techniques: planned, chains: chainComponents }),
  };
}

/**
 * An LLM judge's calibration holds for the judge it was measured with: a run that asks another judge model (or the
 * same one configured otherwise) would correct its rates with someone else's errors, so it is refused.
 */
function assertCalibratedJudge(config: RedlineConfig, input: { judge: string | undefined; file: string }): void {
  const calibration = config.scoring.calibration;
  const measuredWith = typeof calibration === 'object' ? calibration.judge : undefined;
  if (measuredWith === undefined || measuredWith === input.judge) return;
  throw new ConfigError(`${input.file}: scoring.calibration: measured with judge '${measuredWith}', but this run's judge is ${input.judge === undefined ? 'not configured' : `'${input.judge}'`}`, {
    file: input.file, path: 'scoring.calibration', hint: 'calibrate again with this configuration: redline calibrate --config FILE --scorer … --save …',
  });
}

/** A chain with its reference. */
function plannedChain(chain: ReturnType<typeof buildChain>): PlannedChain {
  return { chain, ref: { kind: 'chain', id: chain.id, instance: chain.id, hash: chainHash(chain) } };
}

/** Looks up live components by reference hash; an unknown reference is a programming error (plans use only these). */
function componentResolver(input: { goals: readonly PlannedGoal[]; techniques: readonly PlannedTechnique[]; chains: readonly PlannedChain[] }): ComponentResolver {
  const index = <T extends { ref: ComponentRef }>(items: readonly T[]): ((ref: ComponentRef) => T) => {
    const byHash = new Map(items.map((item) => [item.ref.hash, item]));
    return (ref) => {
      const found = byHash.get(ref.hash);
      if (found === undefined) throw new Error(`no ${ref.kind} '${ref.instance}' (${ref.hash}) in this run`);
      return found;
    };
  };
  const goal = index(input.goals);
  return { goal: (ref) => goal(ref).goal, technique: index(input.techniques), chain: index(input.chains) };
}

function assertUnique(ids: readonly string[], where: { file: string; path: string }): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      throw new ConfigError(`${where.file}: ${where.path}: '${id}' is listed twice`, { file: where.file, path: where.path, hint: 'list each one once; use trials to repeat' });
    }
    seen.add(id);
  }
}

/** Runs a component's constructor, re-labelling an option ConfigError with the configuration's file and path. */
function withPath<T>(build: () => T, where: { file: string; path: string }): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const detail = error.message.replace(/^[^:]*: /, '');
    throw new ConfigError(`${where.file}: ${where.path}: ${detail}`, { file: where.file, path: where.path, hint: error.hint, cause: error });
  }
}
