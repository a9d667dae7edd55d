import { setMaxListeners } from 'node:events';
import type { Attempt } from '../core/attempt.js';
import type { Plan, PlannedAttempt } from './plan.js';
import { runAttempt, type AttemptContext } from './run-attempt.js';

/** Where finished attempts go, one by one, as they complete. */
export type AttemptSink = {
  /** True when this plan position is already stored (resume skips it). */
  isRecorded(seq: number): boolean;
  /** Takes one finished attempt; the sink may hold it briefly to commit several in one transaction. */
  record(attempt: Attempt, planned: PlannedAttempt): void;
  /** Commits every attempt taken so far; called when the execution ends, however it ends. */
  flush(): void;
};

/** Progress after each recorded attempt. */
export type Progress = {
  /** Attempts recorded so far in the run, including those from before a resume. */
  readonly recorded: number;
  /** Attempts in the plan. */
  readonly planned: number;
  /** The attempt just recorded. */
  readonly attempt: Attempt;
};

/** How to execute a plan. */
export type ExecuteOptions = {
  /** The plan. */
  readonly plan: Plan;
  /** Attempt execution context (target, scorers, limits, stop signal). */
  readonly context: AttemptContext;
  /** Attempts in flight at once. */
  readonly concurrency: number;
  /** Where attempts are stored. */
  readonly sink: AttemptSink;
  /** Attempts already stored before this execution (resume). */
  readonly alreadyRecorded: number;
  /** Called after each recorded attempt. */
  readonly onProgress?: (progress: Progress) => void;
};

/** How the execution ended. */
export type ExecuteResult = {
  /** Attempts recorded by this execution. */
  readonly recorded: number;
  /** True when the stop signal ended it before the plan was done. */
  readonly interrupted: boolean;
  /** Why the run's budget stopped it before the plan was done, when it did. */
  readonly budgetSpent?: string;
};

/** Runs every not-yet-recorded attempt of the plan with bounded concurrency, recording each as it ends. */
export async function executeRun(options: ExecuteOptions): Promise<ExecuteResult> {
  const { plan, context, sink } = options;
  // Every in-flight request, backoff wait and helper-model call listens on the run-wide stop signal and removes its
  // listener when done; past 10 at once (concurrency > 10) Node would print a false "memory leak" warning.
  setMaxListeners(0, context.stop);
  const pending = plan.attempts();
  let recorded = 0;
  let fatal: { error: unknown } | undefined;
  let budgetSpent: string | undefined;

  // Workers pull from one shared generator; JavaScript's single thread makes `next()` safe to share.
  async function worker(): Promise<void> {
    for (;;) {
      if (context.stop.aborted || fatal || budgetSpent !== undefined) return;
      // A spent run budget stops the run cleanly: the rest of the plan stays for a resume.
      budgetSpent = context.runBudget?.exhausted(context.clock.now());
      if (budgetSpent !== undefined) return;
      const next = pending.next();
      if (next.done) return;
      if (sink.isRecorded(next.value.seq)) continue;
      const attempt = await runAttempt(next.value, context);
      if (attempt === undefined || fatal) return;
      try {
        sink.record(attempt, next.value);
      } catch (error) {
        // A store that cannot write ends the run for every worker: nothing is sent that cannot be kept.
        fatal = { error };
        return;
      }
      recorded += 1;
      options.onProgress?.({ recorded: options.alreadyRecorded + recorded, planned: plan.size, attempt });
    }
  }

  const workers = Array.from({ length: Math.max(1, options.concurrency) }, () => worker());
  const settled = await Promise.allSettled(workers);
  // Keep every finished attempt, also when the run was stopped or a worker failed.
  if (!fatal) {
    try {
      sink.flush();
    } catch (error) {
      fatal = { error };
    }
  }
  if (fatal) throw fatal.error;
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return { recorded, interrupted: context.stop.aborted || budgetSpent !== undefined, ...(budgetSpent === undefined ? {} : { budgetSpent }) };
}
