import type { Turn } from './event.js';
import type { Outcome, Persona } from './outcome.js';
import type { Score } from './score.js';
import type { Usage } from './target.js';

export type { Turn } from './event.js';

/** One planned attempt: a goal × technique × converter chain × trial, with its place in the plan. */
export type AttemptKey = {
  /** Position in the run's deterministic plan, 0-based; unique within a run. */
  readonly seq: number;
  /** Goal id. */
  readonly goalId: string;
  /** Technique id. */
  readonly techniqueId: string;
  /** Converter chain id, e.g. 'none' or 'leetspeak+base64'. */
  readonly chainId: string;
  /** Trial number, 0-based. */
  readonly trial: number;
};

/** Why an attempt ended in `error`. */
export type AttemptError = {
  /** Failure kind, e.g. 'http-429', 'timeout', 'network', 'unknown-prompt'. */
  readonly kind: string;
  /** One readable line. */
  readonly message: string;
};

/** A finished attempt, as the engine records it. */
export type Attempt = AttemptKey & {
  /** Goal category, copied for grouping. */
  readonly category: string;
  /** Goal persona, copied for grouping. */
  readonly persona: Persona;
  /** The conversation, including the target's reply when there was one. */
  readonly turns: readonly Turn[];
  /** The attempt's outcome, decided by the goal's scorer. */
  readonly outcome: Outcome;
  /** Id of the scorer whose verdict decided the outcome (absent for `error`). */
  readonly decidedBy?: string;
  /** Every score given, the deciding one included. */
  readonly scores: readonly Score[];
  /** Set when outcome is `error`. */
  readonly error?: AttemptError;
  /** Retries spent on the target (0 when the first try answered). */
  readonly retries: number;
  /** Time the target took, for the last try. */
  readonly latencyMs: number;
  /** Token usage when reported. */
  readonly usage?: Usage;
  /** Multi-turn metrics, for attempts of an orchestrator. */
  readonly conversation?: {
    /** Target turns used. */
    readonly turns: number;
    /** Roll-backs after refusals. */
    readonly backtracks: number;
    /** 1-based target turn at which the goal was first reached. */
    readonly reachedAtTurn?: number;
    /** Tokens the attacker model used, when reported. */
    readonly attackerTokens: number;
  };
  /** When the attempt started (epoch ms). */
  readonly startedAt: number;
  /** When the attempt finished (epoch ms). */
  readonly finishedAt: number;
};
