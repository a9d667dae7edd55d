import { withExistingStore } from '../../api/open-store.js';
import { StoreError } from '../../core/errors.js';
import { attemptText } from '../../api/terminal-output.js';
import { commandDatabase } from './runs-command.js';
import { seqInRun } from './seq-argument.js';

/** Prints one attempt: goal, framing, its event log (messages as sent, conversions, documents, tool calls), scores and review. */
export async function runAttemptCommand(runId: string, seq: string, options: { db?: string; config?: string }): Promise<number> {
  const file = await commandDatabase(options);
  return withExistingStore(file, async (store) => {
    const run = await store.runs.require(runId);
    const view = await store.attempts.get({ runId, seq: seqInRun(seq, run) });
    if (view === undefined) throw new StoreError(`run ${runId} has no recorded attempt ${seq}`, { file: store.location, hint: 'the attempt may not have run yet: resume the run' });
    process.stdout.write(attemptText(view, runId));
    return 0;
  });
}
