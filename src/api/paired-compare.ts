import type { AttemptListItem } from '../core/attempt-query.js';
import type { RunStore } from '../core/run-store.js';
import { mcNemarExact, type McNemarResult } from '../stats/mcnemar.js';

/** An attempt whose decided outcome differs between two runs of the same plan. */
export type FlippedAttempt = {
  /** Plan position, the same in both runs. */
  readonly seq: number;
  /** Goal id. */
  readonly goalId: string;
  /** Technique instance. */
  readonly technique: string;
  /** Converter chain. */
  readonly chain: string;
  /** Outcome in run A. */
  readonly a: 'success' | 'failure';
  /** Outcome in run B. */
  readonly b: 'success' | 'failure';
};

/** Two runs compared attempt by attempt where their plans line up (same goal, technique, chain and trial at a position). */
export type PairedComparison = McNemarResult & {
  /** Plan positions recorded in both runs with the same goal, technique, chain and trial. */
  readonly paired: number;
  /** Of those, decided in both runs. */
  readonly decidedBoth: number;
  /** Positions recorded in both runs whose attempts differ (different plan): not paired. */
  readonly mismatched: number;
  /** The flipped attempts, in plan order (at most `maxFlipped`). */
  readonly flipped: readonly FlippedAttempt[];
  /** True when there were more flips than listed. */
  readonly truncated: boolean;
};

const decided = (outcome: string): outcome is 'success' | 'failure' => outcome === 'success' || outcome === 'failure';

/**
 * Pairs two runs' attempts by plan position and tests the change with the exact McNemar test over the discordant
 * pairs. Both runs are walked a page at a time in plan order, so runs of a million attempts stay in bounded memory.
 */
export async function pairedComparison(store: RunStore, input: { readonly runA: string; readonly runB: string; readonly maxFlipped?: number; readonly pageSize?: number }): Promise<PairedComparison> {
  const limit = input.pageSize ?? 2_000;
  const maxFlipped = input.maxFlipped ?? 200;
  const pages = (runId: string) => {
    let after = -1;
    let buffer: AttemptListItem[] = [];
    let done = false;
    return async (): Promise<AttemptListItem | undefined> => {
      if (buffer.length === 0 && !done) {
        buffer = await store.attempts.query({ runId, filter: {}, afterSeq: after, limit });
        if (buffer.length < limit) done = true;
        if (buffer.length > 0) after = buffer.at(-1)!.seq;
      }
      return buffer.shift();
    };
  };
  const nextA = pages(input.runA);
  const nextB = pages(input.runB);
  let a = await nextA();
  let b = await nextB();
  let paired = 0;
  let decidedBoth = 0;
  let mismatched = 0;
  let successToFailure = 0;
  let failureToSuccess = 0;
  const flipped: FlippedAttempt[] = [];
  while (a !== undefined && b !== undefined) {
    if (a.seq < b.seq) { a = await nextA(); continue; }
    if (b.seq < a.seq) { b = await nextB(); continue; }
    if (a.goalId !== b.goalId || a.technique !== b.technique || a.chain !== b.chain || a.trial !== b.trial) mismatched += 1;
    else {
      paired += 1;
      if (decided(a.outcome) && decided(b.outcome)) {
        decidedBoth += 1;
        if (a.outcome !== b.outcome) {
          if (a.outcome === 'success') successToFailure += 1;
          else failureToSuccess += 1;
          if (flipped.length < maxFlipped) flipped.push({ seq: a.seq, goalId: a.goalId, technique: a.technique, chain: a.chain, a: a.outcome, b: b.outcome });
        }
      }
    }
    a = await nextA();
    b = await nextB();
  }
  return { ...mcNemarExact({ successToFailure, failureToSuccess }), paired, decidedBoth, mismatched, flipped, truncated: successToFailure + failureToSuccess > flipped.length };
}
