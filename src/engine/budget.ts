/** Limits of one attempt; absent means unlimited. */
export type AttemptLimits = { readonly turns?: number | undefined; readonly tokens?: number | undefined; readonly seconds?: number | undefined };

import type { Usage } from '../core/target.js';

/** Limits of a whole run; absent means unlimited. */
export type RunLimits = { readonly tokens?: number | undefined; readonly seconds?: number | undefined; readonly usd?: number | undefined };

/** Who spent tokens: the target, or a model Redline itself uses. */
export type SpendingRole = 'target' | 'attacker' | 'judge' | 'translator';

/** US dollars a role's usage costs, or undefined when no price is known for it. */
export type PriceOf = (role: SpendingRole, usage: Usage) => number | undefined;

/**
 * What a run has spent, shared by its attempts. The in-process one below counts in memory; a shared backend (many
 * workers on a queue) implements the same interface, answering from a local view it keeps in sync in the background,
 * since it is asked before every turn.
 */
export type RunBudget = {
  /** Counts tokens spent by any attempt. */
  spend(tokens: number): void;
  /** Counts a role's usage: its tokens, and its cost when a price is known. */
  spendUsage(role: SpendingRole, usage: Usage): void;
  /** Why the run may spend no more ('tokens' or 'time'), or undefined. */
  exhausted(now: number): string | undefined;
};

/** Tracks a run's spending against its limits, in this process. */
export function createRunBudget(limits: RunLimits, startedAt: number, priceOf?: PriceOf): RunBudget {
  let tokens = 0;
  let usd = 0;
  return {
    spend: (n) => {
      tokens += n;
    },
    spendUsage: (role, usage) => {
      tokens += usage.promptTokens + usage.completionTokens;
      usd += priceOf?.(role, usage) ?? 0;
    },
    exhausted: (now) => runBudgetExhausted({ limits, spent: { tokens, usd }, startedAt, now }),
  };
}

/** Why a run that has spent `spent` by `now` may spend no more, or undefined: the one wording of every RunBudget. */
export function runBudgetExhausted(input: {
  limits: RunLimits;
  spent: { readonly tokens: number; readonly usd: number };
  startedAt: number;
  now: number;
}): string | undefined {
  const { limits, spent } = input;
  return limits.tokens !== undefined && spent.tokens >= limits.tokens ? `the run's token budget (${limits.tokens}) is spent`
    : limits.usd !== undefined && spent.usd >= limits.usd ? `the run's cost budget ($${limits.usd}) is spent`
    : limits.seconds !== undefined && input.now - input.startedAt >= limits.seconds * 1000 ? `the run's time budget (${limits.seconds} s) is spent`
    : undefined;
}

/** One attempt's spending against its limits and the run's. */
export type AttemptBudget = {
  /** Counts tokens (also against the run). */
  spend(tokens: number): void;
  /** Counts a role's usage (also against the run, with its cost). */
  spendUsage(role: SpendingRole, usage: Usage): void;
  /** Why the next target turn may not be sent, or undefined. */
  beforeTurn(input: { now: number; turnsUsed: number }): string | undefined;
};

/** Tracks one attempt. */
export function createAttemptBudget(input: { limits: AttemptLimits; run?: RunBudget; startedAt: number }): AttemptBudget {
  const { limits, run } = input;
  let tokens = 0;
  return {
    spend: (n) => {
      tokens += n;
      run?.spend(n);
    },
    spendUsage: (role, usage) => {
      tokens += usage.promptTokens + usage.completionTokens;
      run?.spendUsage(role, usage);
    },
    beforeTurn: ({ now, turnsUsed }) =>
      limits.turns !== undefined && turnsUsed >= limits.turns ? `the attempt's turn budget (${limits.turns}) is spent`
      : limits.tokens !== undefined && tokens >= limits.tokens ? `the attempt's token budget (${limits.tokens}) is spent`
      : limits.seconds !== undefined && now - input.startedAt >= limits.seconds * 1000 ? `the attempt's time budget (${limits.seconds} s) is spent`
      : run?.exhausted(now),
  };
}
