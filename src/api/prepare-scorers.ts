import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';
import { contentHash } from '../core/hash.js';
import type { HelperModel } from '../engine/helper-model.js';
import type { RunScorer } from '../engine/attempt-context.js';
import type { ScorerSpec } from '../config/schema.js';
import { createScorer, scorerFingerprint, type CreatedScorer, type KnownSecrets, type ScorerServices } from '../scorers/create-scorer.js';
import { scorerRegistry } from '../scorers/registry.js';
import { scorerOptions, scorerOptionsFor, type ScorerOptions } from '../scorers/scorer-options.js';
import type { Registry } from '../core/registry.js';
import type { ScorerDescriptor } from '../core/score.js';
import type { ExfilWitness } from '../core/exfil.js';
import { defaultDecider, type DeciderKnowledge, type Unscorable } from './decider-policy.js';

/** Scorers of a run, and which one decides each goal. */
export type PreparedScoring = {
  /** Every scorer, each run on every reply, with the description stored with the run. */
  readonly scorers: readonly (RunScorer & { readonly spec: unknown })[];
  /** The scorer deciding a goal (a goal of `unscorable` is never planned, so never asked for). */
  readonly decidingScorer: (goal: Goal) => RunScorer;
  /** Goals no scorer can decide with what the run knows, by goal id, and why. */
  readonly unscorable: ReadonlyMap<string, Unscorable>;
};

type Where = { file: string; baseDir: string };

/** Where one scorer entry sits: the config file, the base folder and its path, e.g. 'scoring.scorers[2].of[0]'. */
type Place = Where & { path: string };

/** Reads a package list file: one name per line, blank lines and `#` comments skipped. */
function readNameList(file: string, at: Place): string[] {
  try {
    return readFileSync(resolve(at.baseDir, file), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  } catch (error) {
    throw new ConfigError(`${at.file}: ${at.path}.knownFile: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      file: at.file, path: `${at.path}.knownFile`, hint: 'give a readable file with one package name per line', cause: error,
    });
  }
}

/** Reads every `knownFile` in an entry, composites' children included, into its scorer's `known` list. */
function readKnownFiles(options: ScorerOptions, at: Place): ScorerOptions {
  if (options.id === 'composite') return { ...options, of: options.of.map((o, i) => readKnownFiles(o, { ...at, path: `${at.path}.of[${i}]` })) };
  if (options.id !== 'package-hallucination' || options.knownFile === undefined) return options;
  return { ...options, known: [...options.known, ...readNameList(options.knownFile, at)] };
}

/** The options as stored with the run: a list read from a file is kept as its count and digest, not copied. */
function storedSpec(options: ScorerOptions): unknown {
  if (options.id === 'composite') return { ...options, of: options.of.map(storedSpec) };
  if (options.id !== 'package-hallucination' || options.knownFile === undefined) return options;
  return { ...options, known: undefined, knownFromFile: { count: options.known.length, hash: contentHash(options.known) } };
}

/** Builds one entry; an option error (an LLM judge without `judge:`) is re-labelled with the entry's place. */
function build(input: { spec: ScorerSpec; services: ScorerServices; at: Place; optionsSchema: typeof scorerOptions }): RunScorer & { spec: unknown } {
  const { at } = input;
  const parsed: ScorerOptions = typeof input.spec === 'string' ? input.optionsSchema.parse({ id: input.spec }) : input.spec;
  let created: CreatedScorer;
  try {
    created = createScorer(readKnownFiles(parsed, at), input.services);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(`${at.file}: ${at.path}: ${error.message}`, { file: at.file, path: at.path, hint: error.hint, cause: error });
  }
  const spec = storedSpec(created.options);
  const hash = contentHash({ options: spec, version: scorerFingerprint(created) });
  return { scorer: created.scorer, ref: { kind: 'scorer', id: created.options.id, instance: created.scorer.id, hash }, spec };
}

/** Builds the scorers; a goal's deciding scorer is added when it is not configured and needs no options. */
export function prepareScoring(input: {
  specs: readonly ScorerSpec[];
  decide: string | undefined;
  goals: readonly Goal[];
  known: KnownSecrets;
  where: Where;
  /** The judge model for LLM-judge scorers, when `models.judge` is configured. */
  judge?: HelperModel;
  /** The scorers the entries may name (default: Redline's own; a configuration's plugins add theirs). */
  scorers?: Registry<ScorerDescriptor>;
  /** The out-of-band listener's hits, when goals plant its addresses. */
  exfil?: ExfilWitness;
}): PreparedScoring {
  const { file } = input.where;
  const services: ScorerServices = { ...input.known, judge: input.judge, ...(input.scorers === undefined ? {} : { scorers: input.scorers }), ...(input.exfil === undefined ? {} : { exfil: input.exfil }) };
  const optionsSchema = input.scorers === undefined ? scorerOptions : scorerOptionsFor(input.scorers);
  const place = (index: number): Place => ({ ...input.where, path: `scoring.scorers[${index}]` });
  const scorers = input.specs.map((spec, index) => build({ spec, services, at: place(index), optionsSchema }));
  const decidePath = input.decide === undefined ? 'goals' : 'scoring.decide';
  const ids = new Set(scorers.map((s) => s.scorer.id));
  if (ids.size !== scorers.length) {
    throw new ConfigError(`${file}: scoring.scorers: a scorer id appears twice`, { file, path: 'scoring.scorers', hint: 'give each regex, LLM-judge or composite scorer its own `name`' });
  }
  const knowledge = deciderKnowledge(scorers, { known: input.known, registry: input.scorers ?? scorerRegistry });
  // A deciding scorer chosen for every goal must be able to decide: otherwise every attempt would read 'unscored'.
  const lacking = input.decide === 'canary' && !knowledge.canaries ? 'no canary is known or configured'
    : input.decide === 'prompt-leak' && !knowledge.systemPrompt ? 'the target\'s system prompt is not known' : undefined;
  if (lacking !== undefined) {
    throw new ConfigError(`${file}: scoring.decide: '${input.decide}' cannot decide anything here: ${lacking}`, {
      file, path: 'scoring.decide', hint: 'set target.systemPrompt, or give the canary scorer its canaries, or decide with another scorer',
    });
  }
  const deciders = new Map<string, string>();
  const unscorable = new Map<string, Unscorable>();
  for (const goal of input.goals) {
    // An explicit `scoring.decide` is the user's choice for every goal; otherwise each goal is decided by what it is.
    const decider = input.decide === undefined ? defaultDecider(goal, knowledge) : { scorer: input.decide };
    if ('unscorable' in decider) {
      unscorable.set(goal.id, decider.unscorable);
      continue;
    }
    const id = decider.scorer;
    deciders.set(goal.id, id);
    if (ids.has(id)) continue;
    const bare = optionsSchema.safeParse({ id });
    if (bare.success) {
      scorers.push(build({ spec: bare.data, services, at: { ...input.where, path: decidePath }, optionsSchema }));
      ids.add(id);
      continue;
    }
    throw new ConfigError(`${file}: goal '${goal.id}' is decided by scorer '${id}', which is not configured`, {
      file,
      path: decidePath,
      hint: `add '${id}' with its options to scoring.scorers (configured: ${[...ids].join(', ')})`,
    });
  }
  const byId = new Map(scorers.map((s) => [s.scorer.id, s]));
  // Every planned goal's deciding scorer was checked above, so the lookup cannot miss for a goal of this run.
  return { scorers, decidingScorer: (goal) => byId.get(deciders.get(goal.id)!)!, unscorable };
}

/**
 * What the configured scorers and the target reveal that deciding scorers need. LLM judges are known by their
 * descriptors (`needsJudge`, `harmRubric`), so a plugin's judge decides like Redline's own.
 */
function deciderKnowledge(scorers: readonly (RunScorer & { spec: unknown })[], input: { known: KnownSecrets; registry: Registry<ScorerDescriptor> }): DeciderKnowledge {
  const { known, registry } = input;
  const option = (id: string, key: string): unknown => scorers.map((s) => s.spec as Record<string, unknown>).find((spec) => spec['id'] === id)?.[key];
  const canaries = option('canary', 'canaries');
  const judges = scorers.filter((s) => registry.find(s.ref.id)?.needsJudge === true);
  const judge = judges[0];
  const injectionJudge = judges.find((s) => registry.find(s.ref.id)?.harmRubric !== true);
  return {
    canaries: known.canaries.length > 0 || (Array.isArray(canaries) && canaries.length > 0),
    systemPrompt: known.systemPrompt !== undefined || typeof option('prompt-leak', 'systemPrompt') === 'string',
    ...(judge === undefined ? {} : { judge: judge.scorer.id }),
    ...(injectionJudge === undefined ? {} : { injectionJudge: injectionJudge.scorer.id }),
  };
}
