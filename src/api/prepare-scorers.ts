import { ConfigError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';
import { contentHash } from '../core/hash.js';
import type { PreparedScorer } from '../engine/run-attempt.js';
import type { ScorerSpec } from '../config/schema.js';
import { canaryScorer } from '../scorers/canary-scorer.js';
import { refusalScorer } from '../scorers/refusal-scorer.js';
import { regexScorer } from '../scorers/regex-scorer.js';

/** Scorers of a run, and which one decides each goal. */
export type PreparedScoring = {
  /** Every scorer, each run on every reply. */
  readonly scorers: readonly (PreparedScorer & { readonly spec: unknown })[];
  /** Id of the scorer deciding a goal. */
  readonly decidingScorer: (goal: Goal) => string;
};

function build(spec: ScorerSpec, knownCanaries: readonly string[]): PreparedScorer & { spec: unknown } {
  const s = typeof spec === 'string' ? { id: spec } : spec;
  switch (s.id) {
    case 'refusal':
      return { scorer: refusalScorer.create({}), hash: contentHash({ id: s.id, v: refusalScorer.version }), spec: s };
    case 'canary': {
      const canaries = 'canaries' in s && s.canaries ? s.canaries : knownCanaries;
      return { scorer: canaryScorer.create({ canaries }), hash: contentHash({ id: s.id, v: canaryScorer.version, canaries }), spec: { id: s.id, canaries } };
    }
    case 'regex': {
      const scorer = regexScorer.create(s);
      return { scorer, hash: contentHash({ ...s, v: regexScorer.version }), spec: s };
    }
  }
}

/** Builds the scorers; every goal's deciding scorer must be among them (refusal and canary are added when named). */
export function prepareScoring(input: {
  specs: readonly ScorerSpec[];
  decide: string | undefined;
  goals: readonly Goal[];
  knownCanaries: readonly string[];
  file: string;
}): PreparedScoring {
  const scorers = input.specs.map((spec) => build(spec, input.knownCanaries));
  const decidingScorer = (goal: Goal): string => input.decide ?? goal.scorer ?? 'refusal';
  const ids = new Set(scorers.map((s) => s.scorer.id));
  if (ids.size !== scorers.length) {
    throw new ConfigError(`${input.file}: scoring.scorers: a scorer id appears twice`, {
      file: input.file, path: 'scoring.scorers', hint: 'give each regex scorer its own `name`',
    });
  }
  for (const goal of input.goals) {
    const id = decidingScorer(goal);
    if (ids.has(id)) continue;
    if (id === 'refusal' || id === 'canary') {
      scorers.push(build(id, input.knownCanaries));
      ids.add(id);
      continue;
    }
    throw new ConfigError(`${input.file}: goal '${goal.id}' is decided by scorer '${id}', which is not configured`, {
      file: input.file,
      path: input.decide === undefined ? 'goals' : 'scoring.decide',
      hint: `add '${id}' to scoring.scorers (configured: ${[...ids].join(', ')})`,
    });
  }
  return { scorers, decidingScorer };
}
