import { setMaxListeners } from 'node:events';
import type { Attempt } from '../core/attempt.js';
import type { RunFailure } from '../core/run.js';
import type { AttemptWriter } from '../core/run-store.js';
import type { AttemptContext } from './attempt-context.js';
import type { Plan } from './plan.js';
import { runAttempt } from './run-attempt.js';

/** Progress after each recorded attempt. */
export type Progress = {
  /** Attempts recorded so far in the run, by this and earlier executions. */
  readonly recorded: number;
  /** Attempts in the plan. */
  readonly planned: number;
  /** The attempt just recorded. */
  readonly attempt: Attempt;
};

/** When a target that keeps failing stops the run: fail closed, never a rate over nothing. */
export type ErrorBudget = {
  /** Stop when each of the first N attempts ended in a target error. */
  readonly firstAttempts: number;
  /** Stop when more than this share of the attempts so far ended in a target error… */
  readonly maxErrorRate: number;
  /** …once at least this many attempts have ended. */
  readonly minAttempts: number;
};

/** How to execute a slice of a plan. */
export type ExecuteSliceOptions = {
  /** The plan. */
  readonly plan: Plan;
  /** The plan positions to run, in order; positions already recorded are skipped. */
  readonly seqs: Iterable<number>;
  /** Attempt execution context (target, scorers, limits, stop signal). */
  readonly context: AttemptContext;
  /** Attempts in flight at once. */
  readonly concurrency: number;
  /** Where attempts are stored. */
  readonly writer: AttemptWriter;
  /** Called after each recorded attempt. */
  readonly onProgress?: (progress: Progress) => void;
  /** Stops the slice when the target keeps failing (absent: never). */
  readonly errorBudget?: ErrorBudget;
};

/** How the execution ended. */
export type SliceOutcome = {
  /** Attempts recorded by this execution. */
  readonly recorded: number;
  /** True when the stop signal or the run's budget ended it before its positions were done. */
  readonly interrupted: boolean;
  /** Why the run's budget stopped it, when it did. */
  readonly budgetSpent?: string;
  /** Why the error budget stopped it: the target could not be used. */
  readonly failure?: RunFailure;
};

/** True when an attempt ended because the target itself failed (not a budget, a translator or a scorer). */
function targetFailed(attempt: Attempt): boolean {
  return attempt.outcome === 'error' && attempt.events.some((e) => e.type === 'target-call' && !e.ok && e.model === undefined);
}

/** Counts target failures as attempts end; says when the error budget is spent, and why. */
function errorMeter(budget: ErrorBudget | undefined): { add(attempt: Attempt): RunFailure | undefined } {
  let ended = 0;
  let errors = 0;
  const kinds = new Map<string, { count: number; message: string }>();
  return {
    add(attempt) {
      ended += 1;
      if (targetFailed(attempt)) {
        errors += 1;
        const kind = attempt.error?.kind ?? 'error';
        const entry = kinds.get(kind) ?? { count: 0, message: attempt.error?.message ?? '' };
        entry.count += 1;
        kinds.set(kind, entry);
      }
      if (budget === undefined || errors === 0) return undefined;
      const rule = errors === ended && ended >= budget.firstAttempts ? `each of the first ${ended} attempts ended in a target error`
        : ended >= budget.minAttempts && errors / ended > budget.maxErrorRate ? `${errors} of ${ended} attempts ended in a target error (over ${Math.round(budget.maxErrorRate * 100)} %)`
        : undefined;
      if (rule === undefined) return undefined;
      const [errorKind, top] = [...kinds].sort((a, b) => b[1].count - a[1].count)[0]!;
      return { kind: 'target', errorKind, message: top.message, attempts: ended, errors, rule };
    },
  };
}

/** Runs every not-yet-recorded position of the slice with bounded concurrency, recording each as it ends. */
export async function executeSlice(options: ExecuteSliceOptions): Promise<SliceOutcome> {
  const { plan, context, writer } = options;
  // Every in-flight request, backoff wait and helper-model call listens on the run-wide stop signal and removes its
  // listener when done; past 10 at once (concurrency > 10) Node would print a false "memory leak" warning.
  setMaxListeners(0, context.stop);
  const pending = options.seqs[Symbol.iterator]();
  let recorded = 0;
  let fatal: { error: unknown } | undefined;
  let budgetSpent: string | undefined;
  let failure: RunFailure | undefined;
  const meter = errorMeter(options.errorBudget);
  // Workers pull from one shared iterator; JavaScript's single thread makes `next()` safe to share.
  async function worker(): Promise<void> {
    for (;;) {
      if (context.stop.aborted || fatal || budgetSpent !== undefined || failure !== undefined) return;
      // A spent run budget stops the run cleanly: the rest of the plan stays for a resume.
      budgetSpent = context.runBudget?.exhausted(context.clock.now());
      if (budgetSpent !== undefined) return;
      const next = pending.next();
      if (next.done) return;
      if (writer.isRecorded(next.value)) continue;
      const attempt = await runAttempt(plan.at(next.value), context);
      if (attempt === undefined || fatal) return;
      try {
        writer.record(attempt);
      } catch (error) {
        // A store that cannot write ends the run for every worker: nothing is sent that cannot be kept.
        fatal = { error };
        return;
      }
      recorded += 1;
      options.onProgress?.({ recorded: writer.recordedCount, planned: plan.size, attempt });
      failure ??= meter.add(attempt);
    }
  }
  const workers = Array.from({ length: Math.max(1, options.concurrency) }, () => worker());
  const settled = await Promise.allSettled(workers);
  // Keep every finished attempt, also when the run was stopped or a worker failed.
  if (!fatal) {
    try {
      await writer.flush();
    } catch (error) {
      fatal = { error };
    }
  }
  if (fatal) throw fatal.error;
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return {
    recorded, interrupted: context.stop.aborted || budgetSpent !== undefined || failure !== undefined,
    ...(budgetSpent === undefined ? {} : { budgetSpent }), ...(failure === undefined ? {} : { failure }),
  };
}
