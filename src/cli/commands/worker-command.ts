import { isPostgresLocation, openStoreAt } from '../../api/open-store.js';
import { runQueueWorker, type WorkerEvent } from '../../api/queue-worker.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import { queueUrlWithPassword } from '../queue-url.js';
import { EXIT } from '../exit-codes.js';
import { wholeNumberOption } from '../whole-number-option.js';

/** Options of `redline worker`. */
export type WorkerCommandOptions = { queue: string; store: string; concurrency?: string; slices: string; prefix: string; lockMs: string; quiet?: boolean };

function describe(event: WorkerEvent): string | undefined {
  switch (event.type) {
    case 'queue': return `taking slices from queue ${event.name}`;
    case 'slice': return `run ${event.runId}: ${event.recorded} of ${event.seqs} positions recorded in ${(event.ms / 1000).toFixed(1)} s`;
    case 'skipped': return `run ${event.runId}: slice skipped (${event.why})`;
    case 'failed': return `run ${event.runId ?? '?'}: slice failed, handed back to the queue: ${event.message}`;
  }
}

/** Runs `redline worker` until SIGINT or SIGTERM; slices in flight are handed back to the queue. */
export async function runWorkerCommand(options: WorkerCommandOptions): Promise<number> {
  // A PostgreSQL store is migrated on open; a SQLite file must exist (a typo would otherwise wait on an empty one).
  const store = await openStoreAt(options.store, { mustExist: !isPostgresLocation(options.store) });
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    process.stderr.write('\nStopping: slices in flight go back to the queue. Press Ctrl-C again to quit at once.\n');
    controller.abort(new Error('the worker was stopped'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const concurrency = wholeNumberOption(options.concurrency, '--concurrency', 1);
    process.stderr.write(`worker ${process.pid}: store ${sanitizeTerminal(store.location)}; waiting for slices\n`);
    await runQueueWorker({
      queue: queueUrlWithPassword(options.queue, process.env), store, prefix: options.prefix, env: process.env, signal: controller.signal,
      slicesAtOnce: wholeNumberOption(options.slices, '--slices', 1) ?? 2, lockDurationMs: wholeNumberOption(options.lockMs, '--lock-ms', 1_000) ?? 30_000,
      ...(concurrency === undefined ? {} : { concurrency }),
      onEvent: (event) => {
        if (options.quiet === true && event.type !== 'failed') return;
        const line = describe(event);
        if (line !== undefined) process.stderr.write(`${sanitizeTerminal(line)}\n`);
      },
    });
    return EXIT.interrupted;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}
