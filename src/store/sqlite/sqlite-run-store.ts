import type { RunStore } from '../../core/run-store.js';
import { attemptRecords, runComponentSpecs } from './attempt-records.js';
import { attemptPage, attemptView, exampleAttempts } from './attempt-views.js';
import { createAttemptWriter } from './attempt-writer.js';
import { cellComponents } from './comparison-queries.js';
import { errorCounts } from './error-queries.js';
import { openDatabase, type Db, type OpenDatabaseOptions } from './open-database.js';
import { addToReviewSample, clearReview, getReview, labelAttempt, reviewLabels, reviewSample, sampleCandidates, setReview, unlabelAttempt } from './reviews.js';
import { attemptFacets, queryAttempts } from './attempt-query.js';
import { attemptCount, cellCounts, detectorCounts, goalCellCounts, goalCounts, goalMetadata, lastFinishedAt, runComponents, sampledCells, turnCounts } from './run-queries.js';
import { createRun, getRun, listRuns, requireRun, setRunStatus } from './run-store.js';
import { sqliteRunLocks } from './run-locks.js';

/**
 * The RunStore over one SQLite file (better-sqlite3, WAL mode). SQLite answers synchronously; the interface is
 * asynchronous so that a networked store (Postgres) fits the same callers.
 */
export function sqliteRunStore(db: Db, file: string): RunStore {
  const where = { file };
  return {
    location: file,
    runs: {
      create: async (input) => createRun(db, input),
      get: async (id) => getRun(db, id),
      require: async (id) => requireRun(db, { id, file }),
      list: async () => listRuns(db),
      setStatus: async (input) => setRunStatus(db, input),
    },
    attempts: {
      openWriter: async (input) => createAttemptWriter(db, { ...input, file }),
      count: async (runId) => attemptCount(db, runId),
      lastFinishedAt: async (runId) => lastFinishedAt(db, runId),
      get: async (input) => attemptView(db, input),
      page: async (input) => attemptPage(db, input),
      examples: async (input) => exampleAttempts(db, input),
      query: async (input) => queryAttempts(db, input),
      facets: async (runId) => attemptFacets(db, runId),
      records: async (input) => attemptRecords(db, input),
    },
    aggregates: {
      cells: async (runId) => cellCounts(db, runId),
      goals: async (runId) => goalCounts(db, runId),
      goalCells: async (runId) => goalCellCounts(db, runId),
      goalMetadata: async (runId) => goalMetadata(db, runId),
      turns: async (runId) => turnCounts(db, runId),
      detectors: async (runId) => detectorCounts(db, runId),
      cellComponents: async (runId) => cellComponents(db, runId),
      sampled: async (runId) => sampledCells(db, runId),
      errors: async (input) => errorCounts(db, input),
    },
    locks: sqliteRunLocks(db),
    reviews: {
      set: async (input) => setReview(db, { ...input, ...where }),
      clear: async (input) => clearReview(db, { ...input, ...where }),
      get: async (input) => getReview(db, { ...input, ...where }),
      candidates: async (runId) => sampleCandidates(db, runId),
      sample: async (runId) => reviewSample(db, runId),
      addToSample: async (input) => addToReviewSample(db, { ...input, ...where }),
      label: async (input) => labelAttempt(db, { ...input, ...where }),
      unlabel: async (input) => unlabelAttempt(db, { ...input, ...where }),
      labels: async (runId) => reviewLabels(db, runId),
    },
    components: {
      ofRun: async (runId) => runComponents(db, runId),
      specsOfRun: async (runId) => runComponentSpecs(db, runId),
    },
    close: async () => {
      db.close();
    },
  };
}

/** Opens (creating if needed, unless `mustExist`) a SQLite database file as a RunStore; ':memory:' keeps nothing. */
export function openSqliteStore(file: string, options: OpenDatabaseOptions = {}): RunStore {
  return sqliteRunStore(openDatabase(file, options), file);
}
