import type { ComponentRef } from '../core/component-ref.js';
import { exfilToken, goalNeedsListener, goalWithExfil, type ExfilWitness } from '../core/exfil.js';
import type { Goal } from '../core/goal.js';
import type { Scorer } from '../core/score.js';
import type { AttemptLimits, RunBudget } from './budget.js';
import type { Clock } from './clock.js';
import type { HelperModel } from './helper-model.js';
import type { PlannedChain, PlannedTechnique } from './plan.js';
import type { SendContext } from './send-with-retry.js';
import type { Translator } from './translator.js';

/** A scorer of the run with its reference. */
export type RunScorer = { readonly scorer: Scorer; readonly ref: ComponentRef };

/** Resolves a planned attempt's references to the live components a worker built from the stored configuration. */
export type ComponentResolver = {
  /** The goal with this reference. */
  goal(ref: ComponentRef): Goal;
  /** The technique with this reference. */
  technique(ref: ComponentRef): PlannedTechnique;
  /** The converter chain with this reference. */
  chain(ref: ComponentRef): PlannedChain;
};

/** What running one attempt needs. */
export type AttemptContext = SendContext & {
  /** The run's components, by reference. */
  readonly components: ComponentResolver;
  /** Every scorer of the run; each reply gets every score. */
  readonly scorers: readonly RunScorer[];
  /** The scorer that decides a goal's outcome (always one of `scorers`). */
  readonly decidingScorer: (goal: Goal) => RunScorer;
  /** The run's seed. */
  readonly runSeed: number;
  /** Wall clock for timestamps. */
  readonly clock: Clock;
  /** The translator, for techniques that send in another language. */
  readonly translator?: Translator;
  /** The attacker model, for multi-turn techniques that need one. */
  readonly attacker?: HelperModel;
  /** Per-attempt budget. */
  readonly limits?: AttemptLimits;
  /** The run's shared budget. */
  readonly runBudget?: RunBudget;
  /** The out-of-band listener, when goals plant its addresses: each attempt's are filled in from its token. */
  readonly exfil?: { readonly baseUrl: string; readonly runId: string; readonly witness: ExfilWitness };
};

/** The goal an attempt pursues: listener placeholders filled with this attempt's own addresses when a listener runs. */
export function attemptGoal(context: AttemptContext, planned: { readonly goal: ComponentRef; readonly seq: number }): Goal {
  const goal = context.components.goal(planned.goal);
  if (context.exfil === undefined || !goalNeedsListener(goal)) return goal;
  return goalWithExfil(goal, { baseUrl: context.exfil.baseUrl, token: exfilToken({ runId: context.exfil.runId, seq: planned.seq }) });
}
