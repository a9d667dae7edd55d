import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built CLI, as users run it (`npm run build` comes first in `npm run bench`).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall-clock ms of one `node dist/cli/main.js ARGS` (process spawn included); throws on a non-zero exit. */
function timeCli(args: readonly string[]): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`redline ${args.join(' ')} exited with ${result.status}: ${result.stderr.slice(0, 500)}`);
  return ms;
}

/** Median ms of `redline --help` over several spawns. */
export function helpStartupMs(runs = 5): number {
  return median(Array.from({ length: runs }, () => timeCli(['--help'])));
}

/** Ms of `redline report RUN --format json --out FILE` on a stored run. */
export function reportMs(options: { database: string; runId: string }): number {
  return timeCli(['report', options.runId, '--db', options.database, '--format', 'json', '--out', join(options.database, '..', `${options.runId}.json`)]);
}

/** Ms of `redline compare A B` on two stored runs of one database. */
export function compareMs(options: { database: string; runA: string; runB: string }): number {
  return timeCli(['compare', options.runA, options.runB, '--db', options.database]);
}
