import type { OutcomeCounts } from '../core/counts.js';
import type { Outcome } from '../core/outcome.js';

/** Shows scan progress: a redrawn bar on a terminal, a plain line every few seconds elsewhere (CI logs). */
export type ProgressView = {
  /** Starts the tallies at what earlier executions of the run recorded (a resumed scan counts on from there). */
  resume(recorded: OutcomeCounts): void;
  /** Records one finished attempt. */
  update(input: { recorded: number; planned: number; outcome: Outcome }): void;
  /** Clears the bar. */
  done(): void;
};

/** Creates a progress view writing to a stream. */
export function createProgressView(input: { stream: NodeJS.WriteStream; interactive: boolean; now: () => number }): ProgressView {
  const { stream, interactive, now } = input;
  const counts: Record<Outcome, number> = { success: 0, failure: 0, error: 0, unscored: 0 };
  // Attempts finished by this process: the speed and the ETA are over these, not over earlier executions' too.
  let finishedHere = 0;
  const started = now();
  let lastDraw = 0;
  let drawn = false;

  function line(recorded: number, planned: number): string {
    const share = planned === 0 ? 1 : recorded / planned;
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? finishedHere / elapsed : 0;
    const eta = rate > 0 ? Math.round((planned - recorded) / rate) : undefined;
    const tally = `succ ${counts.success}  fail ${counts.failure}  err ${counts.error}  unsc ${counts.unscored}`;
    return `${recorded}/${planned} (${(share * 100).toFixed(0)}%)  ${tally}  ${rate.toFixed(1)}/s${eta === undefined ? '' : `  eta ${eta}s`}`;
  }

  return {
    resume(recorded) {
      for (const outcome of ['success', 'failure', 'error', 'unscored'] as const) counts[outcome] = recorded[outcome];
    },
    update({ recorded, planned, outcome }) {
      counts[outcome] += 1;
      finishedHere += 1;
      const t = now();
      const last = recorded >= planned;
      if (interactive) {
        if (t - lastDraw < 80 && !last) return;
        const width = 24;
        const filled = Math.round((planned === 0 ? 1 : recorded / planned) * width);
        stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${line(recorded, planned)}`);
        drawn = true;
      } else {
        if (t - lastDraw < 5000 && !last) return;
        stream.write(`progress: ${line(recorded, planned)}\n`);
      }
      lastDraw = t;
    },
    done() {
      if (interactive && drawn) stream.write('\r\x1b[2K');
    },
  };
}
