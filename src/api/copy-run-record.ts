import { isDeepStrictEqual } from 'node:util';
import { StoreError } from '../core/errors.js';
import type { RunStatus, StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';

// What makes two stored runs the same run: a run id found with other values here is another run, never merged.
const IDENTITY = ['targetId', 'simulated', 'seed', 'planned', 'trials', 'createdAt', 'hashes'] as const;

/** The first identity field on which a run in the destination differs from the source's run of the same id. */
function differingField(source: StoredRun, there: StoredRun): (typeof IDENTITY)[number] | undefined {
  return IDENTITY.find((field) => !isDeepStrictEqual(source[field], there[field]));
}

/**
 * The status a copied run is created with: an unfinished copy must not pass for a finished run, so a stopped run is
 * `interrupted` until its attempts are in and its own status and finish time are set; a running run stays running.
 * A stopped run with no finish time (which `setStatus` cannot express) keeps its status from the start.
 */
function statusWhileCopying(run: StoredRun): RunStatus {
  if (run.status === 'running' || run.finishedAt === undefined) return run.status;
  return 'interrupted';
}

/**
 * Makes sure the destination holds the run: creates it (with the source's components) when missing; a run of the same
 * id with other content is a StoreError. True when it was created.
 */
export async function ensureRunRecord(input: { readonly from: RunStore; readonly to: RunStore; readonly run: StoredRun }): Promise<boolean> {
  const { from, to, run } = input;
  const there = await to.runs.get(run.id);
  if (there !== undefined) {
    const field = differingField(run, there);
    if (field !== undefined) {
      throw new StoreError(`run ${run.id} in ${to.location} is not the run of that id in ${from.location}: its ${field} differs`, {
        file: to.location, hint: 'it is another run with the same id; copy into another store (or leave this run out with --run)',
      });
    }
    return false;
  }
  const { finishedAt: _finishedAt, failure: _failure, ...record } = run;
  await to.runs.create({ run: { ...record, status: statusWhileCopying(run) }, components: await from.components.specsOfRun(run.id) });
  return true;
}

/** Gives the destination's run the source's status, finish time and failure when they differ; true when it set them. */
export async function copyRunStatus(input: { readonly to: RunStore; readonly run: StoredRun }): Promise<boolean> {
  const { to, run } = input;
  const there = await to.runs.get(run.id);
  const same = there?.status === run.status && there.finishedAt === run.finishedAt && isDeepStrictEqual(there.failure, run.failure);
  if (same) return false;
  // A running run has no finish time; a stopped one without a finish time kept its status from creation.
  if (run.status !== 'running' && run.finishedAt === undefined) return false;
  await to.runs.setStatus({ id: run.id, status: run.status, at: run.finishedAt ?? run.createdAt, ...(run.failure === undefined ? {} : { failure: run.failure }) });
  return true;
}
