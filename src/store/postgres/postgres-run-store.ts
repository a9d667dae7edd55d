import type { RunStore } from '../../core/run-store.js';
import { attemptExamples } from './attempt-examples.js';
import { attemptFacets, queryAttempts } from './attempt-query.js';
import { attemptRecords, runComponents, runComponentSpecs } from './attempt-records.js';
import { attemptPage, attemptView } from './attempt-views.js';
import { createPostgresAttemptWriter } from './attempt-writer.js';
import { cellComponents } from './comparison-queries.js';
import type { Pg } from './db.js';
import { errorCounts } from './error-queries.js';
import { postgresReviews } from './reviews.js';
import { postgresRunLocks } from './run-locks.js';
import { postgresRunRecords } from './run-records.js';
import { sampledCells } from './sample-queries.js';
import { attemptCount, cellCounts, detectorCounts, goalCellCounts, goalCounts, goalMetadata, lastFinishedAt, turnCounts } from './tally-queries.js';

/** The RunStore over a PostgreSQL database (an open pool whose schema is up to date). */
export function postgresRunStore(db: Pg): RunStore {
  return {
    location: db.location,
    runs: postgresRunRecords(db),
    attempts: {
      openWriter: (input) => createPostgresAttemptWriter(db, input),
      count: (runId) => attemptCount(db, runId),
      lastFinishedAt: (runId) => lastFinishedAt(db, runId),
      get: (input) => attemptView(db, input),
      page: (input) => attemptPage(db, input),
      examples: (input) => attemptExamples(db, input),
      query: (input) => queryAttempts(db, input),
      facets: (runId) => attemptFacets(db, runId),
      records: (input) => attemptRecords(db, input),
    },
    aggregates: {
      cells: (runId) => cellCounts(db, runId),
      goals: (runId) => goalCounts(db, runId),
      goalCells: (runId) => goalCellCounts(db, runId),
      goalMetadata: (runId) => goalMetadata(db, runId),
      turns: (runId) => turnCounts(db, runId),
      detectors: (runId) => detectorCounts(db, runId),
      cellComponents: (runId) => cellComponents(db, runId),
      sampled: (runId) => sampledCells(db, runId),
      errors: (input) => errorCounts(db, input),
    },
    locks: postgresRunLocks(db),
    reviews: postgresReviews(db),
    components: {
      ofRun: (runId) => runComponents(db, runId),
      specsOfRun: (runId) => runComponentSpecs(db, runId),
    },
    close: async () => {
      await db.pool.end();
    },
  };
}
