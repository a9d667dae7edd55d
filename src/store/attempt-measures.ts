import type { AttemptMeasures } from '../core/run-store.js';

/** The cost and timing columns of an attempt row; `usage_estimated` as a boolean (a store that keeps 0/1 converts it). */
export type MeasuresRow = {
  retries: number; latency_ms: number; prompt_tokens: number | null; completion_tokens: number | null; usage_estimated: boolean;
  started_at: number; finished_at: number; turns_used: number | null; backtracks: number | null; reached_at: number | null; attacker_tokens: number | null;
};

/** What an attempt cost and how long it took, from its row. */
export function measuresOf(r: MeasuresRow): AttemptMeasures {
  return {
    retries: r.retries, latencyMs: r.latency_ms, startedAt: r.started_at, finishedAt: r.finished_at,
    ...(r.prompt_tokens === null || r.completion_tokens === null ? {} : { usage: { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, ...(r.usage_estimated ? { estimated: true } : {}) } }),
    ...(r.turns_used === null ? {} : {
      conversation: { turns: r.turns_used, backtracks: r.backtracks ?? 0, attackerTokens: r.attacker_tokens ?? 0, ...(r.reached_at === null ? {} : { reachedAtTurn: r.reached_at }) },
    }),
  };
}
