import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';

/** How far a run's attempts have been copied. */
export type CopyProgress = {
  /** The run being copied. */
  readonly runId: string;
  /** Attempts written to the destination so far. */
  readonly copied: number;
  /** Attempts read that the destination already held (a repeated or resumed copy). */
  readonly skipped: number;
  /** Attempts the source holds for the run. */
  readonly total: number;
};

/** Attempts a copy wrote and skipped. */
export type CopiedAttempts = { readonly copied: number; readonly skipped: number };

/**
 * Copies a run's attempts, event logs included, a page at a time (one write transaction per page, so memory stays
 * bounded and an interrupted copy keeps every whole page). Positions the destination holds are skipped.
 */
export async function copyAttempts(input: {
  readonly from: RunStore;
  readonly to: RunStore;
  readonly run: StoredRun;
  readonly pageSize: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CopyProgress) => void;
}): Promise<CopiedAttempts> {
  const { from, to, run, pageSize } = input;
  const total = await from.attempts.count(run.id);
  const components = await from.components.specsOfRun(run.id);
  // The page is the batch: each page commits once, on flush.
  const writer = await to.attempts.openWriter({ run, components, batching: { size: pageSize, maxDelayMs: 3_600_000 } });
  let copied = 0;
  let skipped = 0;
  let afterSeq = -1;
  for (;;) {
    input.signal?.throwIfAborted();
    const page = await from.attempts.records({ runId: run.id, afterSeq, limit: pageSize });
    if (page.length === 0) break;
    for (const attempt of page) {
      if (writer.isRecorded(attempt.seq)) skipped += 1;
      else {
        writer.record(attempt);
        copied += 1;
      }
    }
    await writer.flush();
    afterSeq = page[page.length - 1]!.seq;
    input.onProgress?.({ runId: run.id, copied, skipped, total });
  }
  return { copied, skipped };
}
