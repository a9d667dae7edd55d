import type { RunStatus, StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';

/** How long a run marked running may go without recording an attempt before it is listed as stale (15 minutes). */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

/** What `redline runs` shows of a run: its status as listed, progress and error rate. */
export type RunListing = {
  /** The run, as stored. */
  readonly run: StoredRun;
  /**
   * The stored status, or `stale`: marked running, but nothing recorded for longer than the threshold (counted from
   * its last recorded attempt, else from its creation). Its process most likely died (kill -9, a crash, a reboot)
   * before it could mark the run interrupted; resume it.
   */
  readonly status: RunStatus | 'stale';
  /** Attempts stored. */
  readonly recorded: number;
  /** Of which ended in error. */
  readonly errors: number;
  /** errors / recorded; null when nothing is recorded. */
  readonly errorRate: number | null;
  /** When the run last recorded an attempt, else when it was created (epoch ms). */
  readonly lastActivity: number;
};

/** Every stored run, newest first, with its progress, error rate and listed status. */
export async function listRuns(store: RunStore, options: { readonly now: number; readonly staleAfterMs?: number }): Promise<RunListing[]> {
  const staleAfter = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const listings: RunListing[] = [];
  for (const run of await store.runs.list()) {
    const recorded = await store.attempts.count(run.id);
    const errors = (await store.aggregates.cells(run.id)).reduce((sum, cell) => sum + cell.error, 0);
    const lastActivity = Math.max(run.createdAt, (await store.attempts.lastFinishedAt(run.id)) ?? run.createdAt);
    const stale = run.status === 'running' && options.now - lastActivity > staleAfter;
    listings.push({ run, status: stale ? 'stale' : run.status, recorded, errors, errorRate: recorded === 0 ? null : errors / recorded, lastActivity });
  }
  return listings;
}
