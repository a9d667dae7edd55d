import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';
import { contentHash } from '../core/hash.js';
import type { HelperModel } from '../engine/helper-model.js';
import type { PreparedScorer } from '../engine/run-attempt.js';
import type { ScorerSpec } from '../config/schema.js';
import { createScorer, type KnownSecrets } from '../scorers/create-scorer.js';
import { scorerOptions, type ScorerOptions } from '../scorers/scorer-options.js';

/** Scorers of a run, and which one decides each goal. */
export type PreparedScoring = {
  /** Every scorer, each run on every reply. */
  readonly scorers: readonly (PreparedScorer & { readonly spec: unknown })[];
  /** Id of the scorer deciding a goal. */
  readonly decidingScorer: (goal: Goal) => string;
};

type Where = { file: string; baseDir: string };

/** Reads a package list file: one name per line, blank lines and `#` comments skipped. */
function readNameList(file: string, where: Where, index: number): string[] {
  try {
    return readFileSync(resolve(where.baseDir, file), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  } catch (error) {
    throw new ConfigError(`${where.file}: scoring.scorers[${index}].knownFile: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      file: where.file, path: `scoring.scorers[${index}].knownFile`, hint: 'give a readable file with one package name per line', cause: error,
    });
  }
}

function build(input: { spec: ScorerSpec; index: number; known: KnownSecrets; where: Where }): PreparedScorer & { spec: unknown } {
  let options: ScorerOptions = typeof input.spec === 'string' ? scorerOptions.parse({ id: input.spec }) : input.spec;
  // A long list from a file is stored and hashed by its count and digest, not copied into every run.
  let stored: unknown;
  if (options.id === 'package-hallucination' && options.knownFile !== undefined) {
    const names = readNameList(options.knownFile, input.where, input.index);
    stored = { ...options, known: undefined, knownFromFile: { count: names.length, hash: contentHash(names) } };
    options = { ...options, known: [...options.known, ...names] };
  }
  const created = createScorer(options, input.known);
  const spec = stored ?? created.options;
  return { scorer: created.scorer, hash: contentHash({ options: spec, version: created.version }), spec };
}

/** Builds the scorers; a goal's deciding scorer is added when it is not configured and needs no options. */
export function prepareScoring(input: {
  specs: readonly ScorerSpec[];
  decide: string | undefined;
  goals: readonly Goal[];
  known: KnownSecrets;
  where: Where;
  /** The judge model for LLM-judge scorers, when a `judge:` target is configured. */
  judge?: HelperModel;
}): PreparedScoring {
  const { file } = input.where;
  const scorers = input.specs.map((spec, index) => build({ spec, index, known: input.known, where: input.where }));
  const decidingScorer = (goal: Goal): string => input.decide ?? goal.scorer ?? 'refusal';
  const ids = new Set(scorers.map((s) => s.scorer.id));
  if (ids.size !== scorers.length) {
    throw new ConfigError(`${file}: scoring.scorers: a scorer id appears twice`, { file, path: 'scoring.scorers', hint: 'give each regex scorer its own `name`' });
  }
  for (const goal of input.goals) {
    const id = decidingScorer(goal);
    if (ids.has(id)) continue;
    const bare = scorerOptions.safeParse({ id });
    if (bare.success) {
      scorers.push(build({ spec: bare.data, index: scorers.length, known: input.known, where: input.where }));
      ids.add(id);
      continue;
    }
    throw new ConfigError(`${file}: goal '${goal.id}' is decided by scorer '${id}', which is not configured`, {
      file,
      path: input.decide === undefined ? 'goals' : 'scoring.decide',
      hint: `add '${id}' with its options to scoring.scorers (configured: ${[...ids].join(', ')})`,
    });
  }
  return { scorers, decidingScorer };
}
