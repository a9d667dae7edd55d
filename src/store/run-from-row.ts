import type { PreflightReport, Run, RunFailure, RunStatus, StoredRun } from '../core/run.js';

/** The columns of a stored run that make a StoredRun; `simulated` as a boolean (a store that keeps 0/1 converts it). */
export type RunRow = {
  id: string; created_at: number; finished_at: number | null; status: RunStatus; target_id: string; simulated: boolean; seed: number; planned: number;
  trials: number; config_json: string; base_dir: string; hashes_json: string; redline_version: string; preflight_json: string | null; failure_json: string | null;
};

/** A stored run from its row, the JSON columns parsed. */
export function runFromRow(row: RunRow): StoredRun {
  return {
    id: row.id,
    targetId: row.target_id,
    simulated: row.simulated,
    status: row.status,
    seed: row.seed,
    planned: row.planned,
    hashes: JSON.parse(row.hashes_json) as Run['hashes'],
    createdAt: row.created_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    trials: row.trials,
    config: JSON.parse(row.config_json) as unknown,
    baseDir: row.base_dir,
    redlineVersion: row.redline_version,
    ...(row.preflight_json === null ? {} : { preflight: JSON.parse(row.preflight_json) as PreflightReport }),
    ...(row.failure_json === null ? {} : { failure: JSON.parse(row.failure_json) as RunFailure }),
  };
}
