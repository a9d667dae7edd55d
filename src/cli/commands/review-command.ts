import { ConfigError } from '../../core/errors.js';
import { openDatabase } from '../../store/open-database.js';
import { clearReview, setReview } from '../../store/reviews.js';
import { requireRun } from '../../store/run-store.js';
import { commandDatabase } from './runs-command.js';
import { seqArgument } from './seq-argument.js';

/** Options of `redline review`. */
export type ReviewCommandOptions = { db?: string; config?: string; outcome?: string; note?: string; reviewer?: string; clear?: boolean };

/** Sets or clears a human review label on an attempt; summaries then count the reviewer's verdict. */
export function runReviewCommand(runId: string, seq: string, options: ReviewCommandOptions): number {
  if (options.clear !== true && options.outcome !== 'success' && options.outcome !== 'failure') {
    throw new ConfigError(`--outcome must be success or failure${options.outcome ? `, not '${options.outcome}'` : ''}`, {
      file: '<command line>', path: '--outcome', hint: 'success: the probe found the failure it looks for (the attack worked, or a benign user was failed)',
    });
  }
  const file = commandDatabase(options);
  const db = openDatabase(file);
  try {
    requireRun(db, { id: runId, file });
    const where = { runId, seq: seqArgument(seq), file };
    if (options.clear === true) {
      const had = clearReview(db, where);
      process.stdout.write(had ? `review of attempt ${seq} cleared: the machine's outcome counts again\n` : `attempt ${seq} had no review\n`);
      return 0;
    }
    setReview(db, { ...where, review: { verdict: options.outcome as 'success' | 'failure', reviewer: options.reviewer, note: options.note, reviewedAt: Date.now() } });
    process.stdout.write(`attempt ${seq} reviewed as ${options.outcome}; summaries and comparisons now count this verdict\n`);
    return 0;
  } finally {
    db.close();
  }
}
