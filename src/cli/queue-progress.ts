/** Progress of a distributed run as its coordinator reads it from the store: a redrawn line on a terminal, a line every 5 s elsewhere. */
export type QueueProgressView = {
  update(input: { recorded: number; planned: number; outstanding: number }): void;
  done(): void;
};

/** Creates the coordinator's progress view. */
export function createQueueProgressView(input: { stream: NodeJS.WriteStream; interactive: boolean; now: () => number }): QueueProgressView {
  const { stream, interactive, now } = input;
  let first: { at: number; recorded: number } | undefined;
  let lastDraw = 0;
  let drawn = false;
  return {
    update({ recorded, planned, outstanding }) {
      const t = now();
      first ??= { at: t, recorded };
      const elapsed = (t - first.at) / 1000;
      const rate = elapsed > 0 ? (recorded - first.recorded) / elapsed : 0;
      const eta = rate > 0 ? `  eta ${Math.round((planned - recorded) / rate)}s` : '';
      const text = `${recorded}/${planned} (${planned === 0 ? 100 : Math.floor((recorded / planned) * 100)}%)  ${rate.toFixed(1)}/s  ${outstanding} slices queued or running${eta}`;
      if (interactive) {
        stream.write(`\r\x1b[2K${text}`);
        drawn = true;
      } else if (t - lastDraw >= 5000 || recorded >= planned) {
        stream.write(`progress: ${text}\n`);
        lastDraw = t;
      }
    },
    done() {
      if (interactive && drawn) stream.write('\r\x1b[2K');
    },
  };
}
