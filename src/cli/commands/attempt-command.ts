import { StoreError } from '../../core/errors.js';
import { sanitizeTerminal } from '../../report/sanitize-terminal.js';
import { attemptView } from '../../store/attempt-views.js';
import { openDatabase } from '../../store/open-database.js';
import { requireRun } from '../../store/run-store.js';
import { commandDatabase } from './runs-command.js';
import { seqArgument } from './seq-argument.js';

/** Prints one attempt: goal, framing, the transcript, every score and any human review. */
export function runAttemptCommand(runId: string, seq: string, options: { db?: string; config?: string }): number {
  const file = commandDatabase(options);
  const db = openDatabase(file);
  try {
    requireRun(db, { id: runId, file });
    const view = attemptView(db, { runId, seq: seqArgument(seq) });
    if (view === undefined) throw new StoreError(`run ${runId} has no recorded attempt ${seq}`, { file, hint: 'the attempt may not have run yet: resume the run' });
    // Target and attacker text is shown with terminal escapes removed (terminal-injection payloads).
    const t = sanitizeTerminal;
    const lines = [
      `attempt ${view.seq} of ${runId}: ${view.outcome}${view.review ? ` (reviewed; machine said ${view.machineOutcome})` : ''}`,
      `goal ${t(view.goalId)} [${t(view.category)}, ${view.persona}]: ${t(view.goalText)}`,
      `technique ${t(view.technique)} · chain ${t(view.chainId)} · trial ${view.trial}`,
      ...(view.error ? [`error: ${t(view.error)}`] : []),
      '',
      ...view.turns.flatMap((turn) => [
        `--- ${turn.role}`,
        t(turn.content),
        ...(turn.original ? [`--- (before conversion)`, t(turn.original)] : []),
        ...(turn.interpreted ? [`--- (as scored)`, t(turn.interpreted)] : []),
      ]),
      '',
      ...view.scores.map((s) => `score ${t(s.scorerId)}: ${s.verdict} (${t(s.label)}) — ${t(s.reason)}`),
      ...(view.review ? [`review: ${view.review.verdict}${view.review.reviewer ? ` by ${t(view.review.reviewer)}` : ''}${view.review.note ? ` — ${t(view.review.note)}` : ''}`] : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    db.close();
  }
}
