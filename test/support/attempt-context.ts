import { buildChain, type ConverterChain } from '../../src/converters/chain.js';
import type { Goal } from '../../src/core/goal.js';
import { seededRandom } from '../../src/core/random.js';
import type { Scorer } from '../../src/core/score.js';
import type { Target } from '../../src/core/target.js';
import type { TechniqueDescriptor } from '../../src/core/technique.js';
import type { AttemptContext, RunScorer } from '../../src/engine/attempt-context.js';
import { virtualClock } from '../../src/engine/fake-clock.js';
import type { PlannedAttempt } from '../../src/engine/plan.js';
import { createRateLimiter } from '../../src/engine/rate-limiter.js';
import { DEFAULT_RETRY_POLICY } from '../../src/engine/retry-policy.js';
import { plannedChain, plannedGoal, plannedTechnique } from './planned.js';

/** One attempt's plan position and a context to run it in: a goal, a technique, a chain, a target and one scorer. */
export function attemptFixture(input: {
  goal: Goal; technique: TechniqueDescriptor; options?: Record<string, string | number | boolean>; target: Target; scorer: Scorer; chain?: ConverterChain; stop?: AbortController; extra?: Partial<AttemptContext>;
}): { planned: PlannedAttempt; context: AttemptContext } {
  const goal = plannedGoal(input.goal);
  const technique = plannedTechnique(input.technique, input.options);
  const chain = plannedChain(input.chain ?? buildChain([]));
  const scorer: RunScorer = { scorer: input.scorer, ref: { kind: 'scorer', id: input.scorer.id, instance: input.scorer.id, hash: 'h' } };
  const clock = virtualClock();
  const context: AttemptContext = {
    target: input.target, clock, stop: (input.stop ?? new AbortController()).signal, limiter: createRateLimiter({}, clock), retry: DEFAULT_RETRY_POLICY,
    timeoutMs: 1000, random: seededRandom(1), completionTokenEstimate: 10, runSeed: 1,
    components: { goal: () => goal.goal, technique: () => technique, chain: () => chain },
    scorers: [scorer], decidingScorer: () => scorer,
    ...input.extra,
  };
  const planned: PlannedAttempt = {
    seq: 0, trial: 0, goal: goal.ref, technique: technique.ref, chain: chain.ref, category: input.goal.category, persona: input.goal.persona,
  };
  return { planned, context };
}
