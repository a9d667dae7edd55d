import type { Outcome } from '../core/outcome.js';
import type { AttemptView, RunStore } from '../core/run-store.js';

/**
 * A run's recorded attempts in plan order (optionally of some outcomes only), read from the store a page at a time,
 * so a run of a million attempts is walked in bounded memory.
 */
export async function* attemptPages(store: RunStore, input: { readonly runId: string; readonly outcomes?: readonly Outcome[]; readonly pageSize?: number }): AsyncGenerator<AttemptView> {
  const limit = input.pageSize ?? 500;
  let afterSeq = -1;
  for (;;) {
    const page = await store.attempts.page({ runId: input.runId, afterSeq, limit, ...(input.outcomes === undefined ? {} : { outcomes: input.outcomes }) });
    yield* page;
    if (page.length < limit) return;
    afterSeq = page.at(-1)!.seq;
  }
}
