import type { ComponentRef } from '../core/component-ref.js';
import type { Goal } from '../core/goal.js';
import type { Persona } from '../core/outcome.js';
import { deriveSeed } from '../core/random.js';
import { techniqueApplies, type Technique, type TechniqueDescriptor } from '../core/technique.js';
import type { ConverterChain } from '../converters/chain.js';

/** A goal as a run uses it: the goal and its reference. */
export type PlannedGoal = { readonly goal: Goal; readonly ref: ComponentRef };
/** A technique as a run uses it: its descriptor, the built technique and its reference. */
export type PlannedTechnique = { readonly descriptor: TechniqueDescriptor; readonly technique: Technique; readonly ref: ComponentRef };
/** A converter chain as a run uses it: the chain and its reference. */
export type PlannedChain = { readonly chain: ConverterChain; readonly ref: ComponentRef };

/** One attempt of the plan: plain data (references, no live objects), so it can cross a process boundary. */
export type PlannedAttempt = {
  /** Position in the plan, 0-based. */
  readonly seq: number;
  /** Trial number, 0-based. */
  readonly trial: number;
  /** The goal pursued. */
  readonly goal: ComponentRef;
  /** The framing used. */
  readonly technique: ComponentRef;
  /** The converters applied to each new user turn. */
  readonly chain: ComponentRef;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
};

/** What a plan is made from. */
export type PlanInput = {
  /** Goals, in order. */
  readonly goals: readonly PlannedGoal[];
  /** Techniques, in order. */
  readonly techniques: readonly PlannedTechnique[];
  /** Converter chains for malicious goals, in order. */
  readonly chains: readonly PlannedChain[];
  /** The identity chain (configured or not): benign goals get it alone. */
  readonly identity: PlannedChain;
  /** Trials per goal × technique × chain. */
  readonly trials: number;
  /**
   * Preflight: why a goal × technique pair cannot be run (undeliverable to this target, unscorable), as a skip kind,
   * or undefined to run it. Pairs where the technique is not meant for the goal are skipped as 'not-applicable'.
   */
  readonly admit?: (goal: PlannedGoal, technique: PlannedTechnique) => string | undefined;
};

/** Pairs and attempts a plan left out, for one kind of reason. */
export type PlanSkip = {
  /** Goal × technique pairs left out. */
  readonly pairs: number;
  /** Attempts those pairs would have been (pairs × their chains × trials). */
  readonly attempts: number;
  /** Up to three goal ids, as examples. */
  readonly goals: readonly string[];
};

/** The deterministic list of a run's attempts, enumerable and addressable by position. */
export type Plan = {
  /** Number of attempts. */
  readonly size: number;
  /** Goal × technique pairs left out because the technique is not meant for the goal. */
  readonly skippedPairs: number;
  /** Every pair left out, by kind ('not-applicable', and the preflight's kinds), in the order first met. */
  readonly skipped: ReadonlyMap<string, PlanSkip>;
  /** The attempt at a plan position (0 ≤ seq < size); the same position always gives the same attempt. */
  at(seq: number): PlannedAttempt;
  /** The attempts in plan order. */
  attempts(): Generator<PlannedAttempt>;
};

/**
 * Plans goals × techniques × chains × trials, keeping only techniques meant for each goal. Benign goals are only
 * ever sent as an ordinary user would type them: with the identity chain alone.
 */
export function planRun(input: PlanInput): Plan {
  const benignChains = [input.identity];
  const chainsFor = (goal: Goal): readonly PlannedChain[] => (goal.persona === 'benign' ? benignChains : input.chains);
  const { goals, techniques, trials } = input;
  // admitted[g × T + t] is 1 when goal g runs with technique t: decided once, so every enumeration agrees.
  const admitted = new Uint8Array(goals.length * techniques.length);
  const skipped = new Map<string, { pairs: number; attempts: number; goals: string[] }>();
  // starts[g] is the plan position of goal g's first attempt; a position is found by binary search over it.
  const starts = new Float64Array(goals.length + 1);
  goals.forEach((goal, g) => {
    let applicable = 0;
    const attempts = chainsFor(goal.goal).length * trials;
    techniques.forEach((technique, t) => {
      const kind = techniqueApplies(technique.descriptor, goal.goal) ? input.admit?.(goal, technique) : 'not-applicable';
      if (kind === undefined) {
        admitted[g * techniques.length + t] = 1;
        applicable += 1;
        return;
      }
      const entry = skipped.get(kind) ?? { pairs: 0, attempts: 0, goals: [] };
      entry.pairs += 1;
      entry.attempts += attempts;
      if (entry.goals.length < 3 && !entry.goals.includes(goal.goal.id)) entry.goals.push(goal.goal.id);
      skipped.set(kind, entry);
    });
    starts[g + 1] = starts[g]! + applicable * attempts;
  });
  const size = starts[goals.length]!;
  const runs = (g: number, t: number): boolean => admitted[g * techniques.length + t] === 1;

  const attemptOf = (seq: number, parts: { goal: PlannedGoal; technique: PlannedTechnique; chain: PlannedChain; trial: number }): PlannedAttempt => ({
    seq, trial: parts.trial, goal: parts.goal.ref, technique: parts.technique.ref, chain: parts.chain.ref,
    category: parts.goal.goal.category, persona: parts.goal.goal.persona,
  });

  function at(seq: number): PlannedAttempt {
    if (!Number.isInteger(seq) || seq < 0 || seq >= size) throw new RangeError(`plan position ${seq} is outside the plan (0–${size - 1})`);
    let low = 0;
    let high = goals.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= seq) low = mid;
      else high = mid - 1;
    }
    const goal = goals[low]!;
    const chains = chainsFor(goal.goal);
    const perTechnique = chains.length * trials;
    let offset = seq - starts[low]!;
    let wanted = Math.floor(offset / perTechnique);
    offset -= wanted * perTechnique;
    for (let t = 0; t < techniques.length; t += 1) {
      if (!runs(low, t)) continue;
      if (wanted === 0) return attemptOf(seq, { goal, technique: techniques[t]!, chain: chains[Math.floor(offset / trials)]!, trial: offset % trials });
      wanted -= 1;
    }
    throw new Error(`unreachable: plan position ${seq} has no technique`);
  }

  function* attempts(): Generator<PlannedAttempt> {
    let seq = 0;
    for (let g = 0; g < goals.length; g += 1) {
      const goal = goals[g]!;
      const chains = chainsFor(goal.goal);
      for (let t = 0; t < techniques.length; t += 1) {
        if (!runs(g, t)) continue;
        const technique = techniques[t]!;
        for (const chain of chains) {
          for (let trial = 0; trial < trials; trial += 1) {
            yield attemptOf(seq, { goal, technique, chain, trial });
            seq += 1;
          }
        }
      }
    }
  }
  return { size, skippedPairs: skipped.get('not-applicable')?.pairs ?? 0, skipped, at, attempts };
}

/** The attempt's seed: from the run's seed and the attempt's identity, not its position, so adding goals reshuffles nothing. */
export function attemptSeed(runSeed: number, planned: PlannedAttempt): number {
  return deriveSeed(runSeed, planned.goal.id, planned.technique.instance, planned.chain.instance, planned.trial);
}
