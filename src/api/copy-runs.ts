import { ConfigError, StoreError } from '../core/errors.js';
import type { RunStatus, StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { copyAttempts, type CopyProgress } from './copy-attempts.js';
import { copyReviewSample } from './copy-review-sample.js';
import { copyReviews } from './copy-reviews.js';
import { copyRunStatus, ensureRunRecord } from './copy-run-record.js';

export type { CopyProgress } from './copy-attempts.js';

/** What copying one run did. */
export type RunCopy = {
  /** The run. */
  readonly runId: string;
  /** True when the destination did not hold the run before. */
  readonly created: boolean;
  /** Attempts written (with their event logs). */
  readonly copied: number;
  /** Attempts the destination held already (a repeated or resumed copy). */
  readonly skipped: number;
  /** Reviewers' labels written. */
  readonly labels: number;
  /** Review sample items added. */
  readonly sampled: number;
  /** True when the run's status, finish time or failure was set in the destination. */
  readonly statusSet: boolean;
  /** The run's status, as copied. */
  readonly status: RunStatus;
  /** Something the user should know about this copy (a run still running may receive more attempts). */
  readonly warning?: string;
};

/** What `copyRuns` reads, writes and reports to. */
export type CopyRunsInput = {
  /** The store to read runs from. */
  readonly from: RunStore;
  /** The store to copy them into. */
  readonly to: RunStore;
  /** The runs to copy (default: every run of `from`). */
  readonly runIds?: readonly string[];
  /** Called after each page of attempts is written. */
  readonly onProgress?: (progress: CopyProgress) => void;
  /** Attempts read and written per page (default 500). */
  readonly pageSize?: number;
  /** Stops the copy between pages; what was written stays, and copying again completes it. */
  readonly signal?: AbortSignal;
};

/** True when copying the run changed nothing in the destination. */
export function alreadyThere(copy: RunCopy): boolean {
  return !copy.created && copy.copied === 0 && copy.labels === 0 && copy.sampled === 0 && !copy.statusSet;
}

/**
 * The runs a copy takes: those named (in the order named; an unknown id is a StoreError saying how to list ids), or
 * every run of `from`, oldest first. Check them before opening the destination, so a typo creates nothing.
 */
export async function runsToCopy(from: RunStore, runIds: readonly string[] | undefined): Promise<StoredRun[]> {
  if (runIds === undefined) return (await from.runs.list()).reverse();
  const runs: StoredRun[] = [];
  for (const id of new Set(runIds)) {
    const run = await from.runs.get(id);
    if (run === undefined) {
      throw new StoreError(`no run with id ${id} in ${from.location}`, { file: from.location, hint: `list the stored runs with \`redline runs --db ${from.location}\`` });
    }
    runs.push(run);
  }
  return runs;
}

async function copyRun(input: CopyRunsInput & { readonly run: StoredRun; readonly pageSize: number }): Promise<RunCopy> {
  const { from, to, run } = input;
  const created = await ensureRunRecord({ from, to, run });
  const attempts = await copyAttempts({ ...input, run });
  const labels = await copyReviews({ from, to, runId: run.id });
  const sampled = await copyReviewSample({ from, to, runId: run.id });
  const statusSet = await copyRunStatus({ to, run });
  const warning = run.status === 'running'
    ? `run ${run.id} is still running in ${from.location}: copied as it is (${attempts.copied + attempts.skipped} of ${run.planned} attempts); copy it again once it stops to take the rest`
    : undefined;
  return { runId: run.id, created, ...attempts, labels, sampled, statusSet, status: run.status, ...(warning === undefined ? {} : { warning }) };
}

/**
 * Copies runs from one store to another through the RunStore interface only: the run record as stored, its
 * components, every attempt with its event log (a page at a time), every reviewer's label (so each attempt's review
 * is the same) and the review sample. Idempotent: copying again, or after an interrupted copy, adds only what is
 * missing. A run of the same id with other content in the destination is a StoreError, never merged.
 */
export async function copyRuns(input: CopyRunsInput): Promise<RunCopy[]> {
  const pageSize = input.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new ConfigError(`pageSize must be a whole number above 0, got ${pageSize}`, { file: '<options>', path: 'pageSize', hint: 'e.g. 500' });
  }
  const copies: RunCopy[] = [];
  for (const run of await runsToCopy(input.from, input.runIds)) {
    input.signal?.throwIfAborted();
    copies.push(await copyRun({ ...input, run, pageSize }));
  }
  return copies;
}
