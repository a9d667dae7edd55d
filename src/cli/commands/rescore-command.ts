import { rescoreRun } from '../../api/rescore-run.js';
import { withExistingStore } from '../../api/open-store.js';
import { ConfigError } from '../../core/errors.js';
import { runReportCommand } from './report-command.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline rescore`. */
export type RescoreCommandOptions = { db?: string; config?: string; scorer?: string[]; decide?: string };

/** A --scorer value: an id, or a JSON object with options (`{"id":"regex","name":"sure","pattern":"^Sure"}`). */
export function scorerOption(value: string): unknown {
  if (!value.trim().startsWith('{')) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new ConfigError(`--scorer is not valid JSON: ${(error as Error).message}`, { file: '<command line>', path: '--scorer', hint: `write an id (objective) or a JSON object ('{"id":"regex","name":"sure","pattern":"^Sure"}')` });
  }
}

/**
 * Re-decides a stored run with other scorers into a new run, without calling the target, then prints the new run's
 * summary (and writes its reports) as `redline report` does.
 */
export async function runRescoreCommand(runId: string, options: RescoreCommandOptions): Promise<number> {
  const scorers = (options.scorer ?? []).map(scorerOption);
  if (scorers.length === 0) throw new ConfigError('name at least one --scorer', { file: '<command line>', path: '--scorer', hint: 'e.g. redline rescore RUN --scorer objective --scorer canary' });
  const database = await commandDatabase(options);
  const result = await withExistingStore(database, (store) => rescoreRun(store, { runId, scorers, ...(options.decide === undefined ? {} : { decide: options.decide }), env: process.env }));
  process.stderr.write(`rescored ${result.rescored} attempts of run ${runId} into run ${result.run.id} (${result.errors} errors copied as errors; the target was not called)\n`);
  return runReportCommand(result.run.id, { db: database });
}
