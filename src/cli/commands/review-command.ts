import { ConfigError } from '../../core/errors.js';
import { withExistingStore } from '../../api/open-store.js';
import { commandDatabase } from './runs-command.js';
import { seqInRun } from './seq-argument.js';

/** Options of `redline review`. */
export type ReviewCommandOptions = { db?: string; config?: string; outcome?: string; note?: string; reviewer?: string; clear?: boolean };

/** Sets or clears a human review label on an attempt; summaries then count the reviewer's verdict. */
export async function runReviewCommand(runId: string, seq: string, options: ReviewCommandOptions): Promise<number> {
  if (options.clear !== true && options.outcome !== 'success' && options.outcome !== 'failure') {
    throw new ConfigError(`--outcome must be success or failure${options.outcome ? `, not '${options.outcome}'` : ''}`, {
      file: '<command line>', path: '--outcome', hint: 'success: the probe found the failure it looks for (the attack worked, or a benign user was failed)',
    });
  }
  return withExistingStore(await commandDatabase(options), async (store) => {
    const run = await store.runs.require(runId);
    const where = { runId, seq: seqInRun(seq, run) };
    if (options.clear === true) {
      const had = await store.reviews.clear(where);
      process.stdout.write(had ? `review of attempt ${seq} cleared: the machine's outcome counts again\n` : `attempt ${seq} had no review\n`);
      return 0;
    }
    await store.reviews.set({ ...where, review: { verdict: options.outcome as 'success' | 'failure', reviewer: options.reviewer, note: options.note, reviewedAt: Date.now() } });
    process.stdout.write(`attempt ${seq} reviewed as ${options.outcome}; summaries and comparisons now count this verdict\n`);
    return 0;
  });
}
