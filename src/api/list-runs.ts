import { hostname } from 'node:os';
import type { RunStatus, StoredRun } from '../core/run.js';
import { holderIsGone } from './run-lock.js';
import type { RunStore } from '../core/run-store.js';
import { PERSONAS, type Persona } from '../core/outcome.js';
import { rateFields, sumCounts, type RateFields } from '../stats/rate-fields.js';

/** How long a run marked running may go without recording an attempt before it is listed as stale (15 minutes). */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

/** What `redline runs` shows of a run: its status as listed, progress and error rate. */
export type RunListing = {
  /** The run, as stored. */
  readonly run: StoredRun;
  /**
   * The stored status, or `stale`: marked running, but the process holding its lock is gone (or silent past the
   * lock's stale limit), or — for a run executed in slices, which holds no lock — nothing recorded for longer than
   * the threshold. Its process died (kill -9, a crash, a reboot) before it could mark the run interrupted; resume it.
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
  /** Each persona's pooled rate with its Wilson interval (attack success for malicious, over-refusal for benign). */
  readonly rates: readonly (RateFields & { readonly persona: Persona })[];
};

/** Every stored run, newest first, with its progress, error rate and listed status. */
export async function listRuns(store: RunStore, options: { readonly now: number; readonly staleAfterMs?: number }): Promise<RunListing[]> {
  const staleAfter = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const listings: RunListing[] = [];
  for (const run of await store.runs.list()) {
    const recorded = await store.attempts.count(run.id);
    const cells = await store.aggregates.cells(run.id);
    const errors = cells.reduce((sum, cell) => sum + cell.error, 0);
    const rates = PERSONAS.flatMap((persona) => {
      const mine = cells.filter((cell) => cell.persona === persona);
      return mine.length === 0 ? [] : [{ persona, ...rateFields(sumCounts(mine)) }];
    });
    const lastActivity = Math.max(run.createdAt, (await store.attempts.lastFinishedAt(run.id)) ?? run.createdAt);
    // A scan holds its run's lock while it executes: the lock says at once whether its process is gone. Runs executed
    // by slices (workers hold no lock) fall back to how long they have recorded nothing.
    const holder = run.status === 'running' ? await store.locks.holder(run.id) : undefined;
    const stale = run.status === 'running' && (holder !== undefined ? holderIsGone(holder, { host: hostname(), now: options.now }) : options.now - lastActivity > staleAfter);
    listings.push({ run, status: stale ? 'stale' : run.status, recorded, errors, errorRate: recorded === 0 ? null : errors / recorded, lastActivity, rates });
  }
  return listings;
}
