import type { Attempt } from '../core/attempt.js';
import type { Goal } from '../core/goal.js';
import { deriveSeed } from '../core/random.js';
import { techniqueApplies } from '../core/technique.js';
import type { PreparedTechnique } from '../techniques/technique-hash.js';
import { buildChain, chainHash, type ConverterChain } from '../converters/chain.js';

/** A goal with its content hash. */
export type PlannedGoal = { readonly goal: Goal; readonly hash: string };
/** A technique with its options, display id and content hash. */
export type PlannedTechnique = PreparedTechnique;
/** A converter chain with its content hash. */
export type PlannedChain = { readonly chain: ConverterChain; readonly hash: string };

/** One attempt of the plan. */
export type PlannedAttempt = {
  /** Position in the plan, 0-based. */
  readonly seq: number;
  /** The goal pursued. */
  readonly goal: PlannedGoal;
  /** The framing used. */
  readonly technique: PlannedTechnique;
  /** The converters applied to the final user turn. */
  readonly chain: PlannedChain;
  /** Trial number, 0-based. */
  readonly trial: number;
};

/** What a plan is made from. */
export type PlanInput = {
  /** Goals, in order. */
  readonly goals: readonly PlannedGoal[];
  /** Techniques, in order. */
  readonly techniques: readonly PlannedTechnique[];
  /** Converter chains, in order. */
  readonly chains: readonly PlannedChain[];
  /** Trials per goal × technique × chain. */
  readonly trials: number;
};

/** The deterministic, lazily enumerated list of a run's attempts. */
export type Plan = {
  /** Number of attempts. */
  readonly size: number;
  /** Goal × technique pairs left out because the technique is not meant for the goal. */
  readonly skippedPairs: number;
  /** The attempts in plan order; enumerating again gives the same sequence. */
  attempts(): Generator<PlannedAttempt>;
};

/** The configured identity chain, or a new one. */
function identityChain(chains: readonly PlannedChain[]): PlannedChain {
  const found = chains.find((c) => c.chain.steps.length === 0);
  if (found) return found;
  const chain = buildChain([]);
  return { chain, hash: chainHash(chain) };
}

/** Plans goals × techniques × chains × trials, keeping only techniques meant for each goal. */
export function planRun(input: PlanInput): Plan {
  // Converters are attacker tools: a benign goal is only ever sent as an ordinary user would type it.
  const benignChains = [identityChain(input.chains)];
  const chainsFor = (goal: Goal): readonly PlannedChain[] => (goal.persona === 'benign' ? benignChains : input.chains);
  let size = 0;
  let skippedPairs = 0;
  for (const goal of input.goals) {
    const chains = chainsFor(goal.goal).length;
    for (const technique of input.techniques) {
      if (techniqueApplies(technique.descriptor, goal.goal)) size += chains * input.trials;
      else skippedPairs += 1;
    }
  }
  function* attempts(): Generator<PlannedAttempt> {
    let seq = 0;
    for (const goal of input.goals) {
      const chains = chainsFor(goal.goal);
      for (const technique of input.techniques) {
        if (!techniqueApplies(technique.descriptor, goal.goal)) continue;
        for (const chain of chains) {
          for (let trial = 0; trial < input.trials; trial += 1) {
            yield { seq, goal, technique, chain, trial };
            seq += 1;
          }
        }
      }
    }
  }
  return { size, skippedPairs, attempts };
}

/** The fields that say which planned attempt an Attempt is, copied onto it for storage and grouping. */
export function attemptIdentity(planned: PlannedAttempt): Pick<Attempt, 'seq' | 'goalId' | 'techniqueId' | 'chainId' | 'trial' | 'category' | 'persona'> {
  const { goal } = planned.goal;
  return {
    seq: planned.seq, goalId: goal.id, techniqueId: planned.technique.id, chainId: planned.chain.chain.id, trial: planned.trial,
    category: goal.category, persona: goal.persona,
  };
}

/** The attempt's seed: from the run's seed and the attempt's identity, not its position, so adding goals reshuffles nothing. */
export function attemptSeed(runSeed: number, planned: PlannedAttempt): number {
  return deriveSeed(runSeed, planned.goal.goal.id, planned.technique.id, planned.chain.chain.id, planned.trial);
}
