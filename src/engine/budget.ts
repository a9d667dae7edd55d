/** Limits of one attempt; absent means unlimited. */
export type AttemptLimits = { readonly turns?: number | undefined; readonly tokens?: number | undefined; readonly seconds?: number | undefined };

/** Limits of a whole run; absent means unlimited. */
export type RunLimits = { readonly tokens?: number | undefined; readonly seconds?: number | undefined };

/**
 * What a run has spent, shared by its attempts. The in-process one below counts in memory; a shared backend (many
 * workers on a queue) implements the same interface, answering from a local view it keeps in sync in the background,
 * since it is asked before every turn.
 */
export type RunBudget = {
  /** Counts tokens spent by any attempt. */
  spend(tokens: number): void;
  /** Why the run may spend no more ('tokens' or 'time'), or undefined. */
  exhausted(now: number): string | undefined;
};

/** Tracks a run's spending against its limits, in this process. */
export function createRunBudget(limits: RunLimits, startedAt: number): RunBudget {
  let tokens = 0;
  return {
    spend: (n) => {
      tokens += n;
    },
    exhausted: (now) =>
      limits.tokens !== undefined && tokens >= limits.tokens ? `the run's token budget (${limits.tokens}) is spent`
      : limits.seconds !== undefined && now - startedAt >= limits.seconds * 1000 ? `the run's time budget (${limits.seconds} s) is spent`
      : undefined,
  };
}

/** One attempt's spending against its limits and the run's. */
export type AttemptBudget = {
  /** Counts tokens (also against the run). */
  spend(tokens: number): void;
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
    beforeTurn: ({ now, turnsUsed }) =>
      limits.turns !== undefined && turnsUsed >= limits.turns ? `the attempt's turn budget (${limits.turns}) is spent`
      : limits.tokens !== undefined && tokens >= limits.tokens ? `the attempt's token budget (${limits.tokens}) is spent`
      : limits.seconds !== undefined && now - input.startedAt >= limits.seconds * 1000 ? `the attempt's time budget (${limits.seconds} s) is spent`
      : run?.exhausted(now),
  };
}
