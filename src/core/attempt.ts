import type { ComponentRef } from './component-ref.js';
import type { AttemptEvent } from './event.js';
import type { Outcome, Persona } from './outcome.js';
import type { Usage } from './target.js';

export type { Turn } from './event.js';

/** Why an attempt ended in `error`. */
export type AttemptError = {
  /** Failure kind, e.g. 'http-429', 'timeout', 'network', 'unknown-prompt'. */
  readonly kind: string;
  /** One readable line. */
  readonly message: string;
};

/** Multi-turn metrics of an orchestrator's attempt. */
export type ConversationMetrics = {
  /** Target turns used. */
  readonly turns: number;
  /** Roll-backs after refusals. */
  readonly backtracks: number;
  /** 1-based target turn at which the goal was first reached. */
  readonly reachedAtTurn?: number;
  /** Tokens the attacker model used, when reported or estimated. */
  readonly attackerTokens: number;
};

/** A finished attempt, as the engine records it: its identity, its event log and what it came to. */
export type Attempt = {
  /** Position in the run's deterministic plan, 0-based; unique within a run. */
  readonly seq: number;
  /** Trial number, 0-based. */
  readonly trial: number;
  /** The goal pursued. */
  readonly goal: ComponentRef;
  /** The technique that framed it. */
  readonly technique: ComponentRef;
  /** The converter chain applied to each new user turn. */
  readonly chain: ComponentRef;
  /** Goal category, copied for grouping. */
  readonly category: string;
  /** Goal persona, copied for grouping. */
  readonly persona: Persona;
  /** Everything that happened, in order: messages as sent and received, target calls, conversions, scores, errors. */
  readonly events: readonly AttemptEvent[];
  /** The attempt's outcome, decided by the goal's deciding scorer. */
  readonly outcome: Outcome;
  /** The scorer whose verdict decided the outcome (absent for `error`). */
  readonly decidedBy?: ComponentRef;
  /** Set when outcome is `error`. */
  readonly error?: AttemptError;
  /** Retries spent on the target (0 when every first try answered). */
  readonly retries: number;
  /** Time the target took, summed over the attempt's target turns (last try of each). */
  readonly latencyMs: number;
  /** Token usage, when the target reported it. */
  readonly usage?: Usage;
  /** Multi-turn metrics, for attempts of an orchestrator. */
  readonly conversation?: ConversationMetrics;
  /** When the attempt started (epoch ms). */
  readonly startedAt: number;
  /** When the attempt finished (epoch ms). */
  readonly finishedAt: number;
};
