import { loadConfig } from '../../api/configuration.js';
import { listRuns, type RunListing } from '../../api/list-runs.js';
import { databasePath } from '../../api/scan.js';
import { storeLocation } from '../../api/open-store.js';
import { withExistingStore } from '../../api/open-store.js';
import { formatPercent, sanitizeTerminal } from '../../api/terminal-output.js';
import { ConfigError } from '../../core/errors.js';

/** Options of `redline runs`. */
export type RunsCommandOptions = { db?: string; config?: string; staleAfter?: string };

/** The database a command reads: --db, else the configuration's. */
export async function commandDatabase(options: { db?: string; config?: string }): Promise<string> {
  const cwd = process.cwd();
  if (options.db) return storeLocation(options.db, cwd);
  const loaded = await loadConfig({ file: options.config, cwd });
  return databasePath(loaded.config, loaded.baseDir);
}

// --stale-after in minutes (default 15), as milliseconds.
function staleAfterOption(value: string | undefined): number {
  const minutes = value === undefined ? 15 : Number(value);
  if (!(minutes > 0)) {
    throw new ConfigError(`--stale-after must be a number of minutes above 0, got '${value}'`, { file: '<command line>', path: '--stale-after', hint: 'e.g. --stale-after 60' });
  }
  return minutes * 60_000;
}

const when = (at: number): string => new Date(at).toISOString().replace('T', ' ').slice(0, 19);

/** The listing as aligned lines: a header, then one line per run starting with its id. */
export function runLines(listings: readonly RunListing[]): string[] {
  const rows = listings.map((l) => [
    l.run.id, when(l.run.createdAt), l.status, `${l.recorded}/${l.run.planned}`, formatPercent(l.errorRate),
    `${sanitizeTerminal(l.run.targetId)}${l.run.simulated ? ' [simulated]' : ''}`,
  ]);
  const header = ['run', 'created (UTC)', 'status', 'recorded', 'errors', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Numbers right-aligned, text left-aligned; the target last, unpadded.
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : i === 3 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** Lists stored runs, newest first: status (stale when a running run stopped recording), progress, error rate. */
export async function runRunsCommand(options: RunsCommandOptions): Promise<number> {
  const staleAfterMs = staleAfterOption(options.staleAfter);
  return withExistingStore(await commandDatabase(options), async (store) => {
    const listings = await listRuns(store, { now: Date.now(), staleAfterMs });
    if (listings.length === 0) {
      process.stdout.write('no runs stored yet: start one with `redline scan`\n');
      return 0;
    }
    process.stdout.write(`${runLines(listings).join('\n')}\n`);
    if (listings.some((l) => l.status === 'stale')) {
      process.stdout.write(`\nstale: marked running, but its process is gone (no live lock holder; for a run executed in slices, nothing recorded for over ${staleAfterMs / 60_000} min). Resume it with \`redline scan --resume RUN_ID\`.\n`);
    }
    return 0;
  });
}
