import { resolve } from 'node:path';
import { loadConfig } from '../../api/configuration.js';
import { databasePath } from '../../api/scan.js';
import { withExistingStore } from '../../api/open-store.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';

/** The database a command reads: --db, else the configuration's. */
export function commandDatabase(options: { db?: string; config?: string }): string {
  const cwd = process.cwd();
  if (options.db) return resolve(cwd, options.db);
  const loaded = loadConfig({ file: options.config, cwd });
  return databasePath(loaded.config, loaded.baseDir);
}

/** Lists stored runs, newest first. */
export async function runRunsCommand(options: { db?: string; config?: string }): Promise<number> {
  return withExistingStore(commandDatabase(options), async (store) => {
    const runs = await store.runs.list();
    if (runs.length === 0) {
      process.stdout.write('no runs stored yet: start one with `redline scan`\n');
      return 0;
    }
    for (const run of runs) {
      const recorded = await store.attempts.count(run.id);
      const when = new Date(run.createdAt).toISOString().replace('T', ' ').slice(0, 19);
      const tag = run.simulated ? ' [simulated]' : '';
      process.stdout.write(`${run.id}  ${when}  ${run.status.padEnd(11)}  ${recorded}/${run.planned}  ${sanitizeTerminal(run.targetId)}${tag}\n`);
    }
    return 0;
  });
}
