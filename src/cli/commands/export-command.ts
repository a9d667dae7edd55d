import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { exportRun } from '../../api/export-run.js';
import { withExistingStore } from '../../api/open-store.js';
import { ConfigError, StoreError } from '../../core/errors.js';
import { OUTCOMES, type Outcome } from '../../core/outcome.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline export`. */
export type ExportCommandOptions = { db?: string; config?: string; format?: string; only?: string[]; out?: string };

/** The outcomes --only names, checked. */
export function outcomesOption(values: readonly string[] | undefined): Outcome[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const unknown = values.filter((v) => !OUTCOMES.includes(v as Outcome));
  if (unknown.length > 0) throw new ConfigError(`--only must be one of ${OUTCOMES.join(', ')}, not '${unknown[0]}'`, { file: '<command line>', path: '--only', hint: 'e.g. --only success for the attempts where the attack worked' });
  return values as Outcome[];
}

/** Writes every attempt of a run, with its events, as JSONL to a file or stdout; a hit log with --only success. */
export async function runExportCommand(runId: string, options: ExportCommandOptions): Promise<number> {
  if ((options.format ?? 'jsonl') !== 'jsonl') {
    throw new ConfigError(`--format must be jsonl, not '${options.format}'`, { file: '<command line>', path: '--format', hint: 'one JSON object per attempt and line; see docs/export.md' });
  }
  const outcomes = outcomesOption(options.only);
  const input = { runId, ...(outcomes === undefined ? {} : { outcomes }) };
  return withExistingStore(await commandDatabase(options), async (store) => {
    if (options.out === undefined) {
      const written = await exportRun(store, input, async (line) => {
        if (!process.stdout.write(line)) await once(process.stdout, 'drain');
      });
      process.stderr.write(`exported ${written} attempts of run ${runId}\n`);
      return 0;
    }
    const file = resolve(process.cwd(), options.out);
    let fd: number;
    try {
      mkdirSync(dirname(file), { recursive: true });
      fd = openSync(file, 'w');
    } catch (error) {
      throw new StoreError(`cannot write ${file}: ${(error as Error).message}`, { file, hint: 'choose a writable path with --out', cause: error });
    }
    try {
      const written = await exportRun(store, input, (line) => {
        writeSync(fd, line);
      });
      process.stderr.write(`exported ${written} attempts of run ${runId} to ${file}\n`);
      return 0;
    } finally {
      closeSync(fd);
    }
  });
}
