import type pg from 'pg';
import type { ReviewLabel } from '../../core/attempt-query.js';
import { StoreError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import type { DrawnSampleItem, SampleCandidate } from '../../core/review-sample.js';
import type { Review, ReviewRecords } from '../../core/run-store.js';
import { inTransaction, run, type Pg, type Queryable } from './db.js';
import { pgText } from './pg-text.js';

async function attemptId(db: Pg, input: { runId: string; seq: number; on?: Queryable }): Promise<number> {
  const [row] = await run<{ id: number }>(db, {
    action: `read attempt ${input.seq} of run ${input.runId}`, sql: 'SELECT id FROM attempts WHERE run_id = $1 AND seq = $2', params: [input.runId, input.seq], ...(input.on ? { on: input.on } : {}),
  });
  if (row === undefined) {
    throw new StoreError(`run ${input.runId} has no recorded attempt ${input.seq}`, { file: db.location, hint: 'attempt numbers are the plan positions shown in reports and by `redline attempt`' });
  }
  return row.id;
}

async function putReview(client: pg.PoolClient, id: number, review: Review): Promise<void> {
  await client.query(
    `INSERT INTO reviews (attempt_id, verdict, reviewer, note, reviewed_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (attempt_id) DO UPDATE SET verdict = excluded.verdict, reviewer = excluded.reviewer, note = excluded.note, reviewed_at = excluded.reviewed_at`,
    [id, review.verdict, pgText(review.reviewer), pgText(review.note), review.reviewedAt],
  );
}

async function putLabel(client: pg.PoolClient, id: number, review: Review): Promise<void> {
  await client.query(
    `INSERT INTO review_labels (attempt_id, reviewer, verdict, note, labeled_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (attempt_id, reviewer) DO UPDATE SET verdict = excluded.verdict, note = excluded.note, labeled_at = excluded.labeled_at`,
    [id, pgText(review.reviewer ?? ''), review.verdict, pgText(review.note), review.reviewedAt],
  );
}

type ReviewRow = { verdict: 'success' | 'failure'; reviewer: string | null; note: string | null; at: number };

/** A review from its row; a label's reviewer '' (none named) is no reviewer. */
function reviewOf(row: ReviewRow): Review {
  return { verdict: row.verdict, reviewedAt: row.at, ...(row.reviewer === null || row.reviewer === '' ? {} : { reviewer: row.reviewer }), ...(row.note === null ? {} : { note: row.note }) };
}

/**
 * Human reviews in PostgreSQL. The review row is what summaries count (a trigger moves its attempt's tally); every
 * reviewer's label is kept beside it for agreement. Each change is one transaction.
 */
export function postgresReviews(db: Pg): ReviewRecords {
  return {
    set: async (input) => {
      const id = await attemptId(db, input);
      await inTransaction(db, `review attempt ${input.seq} of run ${input.runId}`, async (client) => {
        await putReview(client, id, input.review);
        await putLabel(client, id, input.review);
      });
    },
    clear: async (input) => {
      const id = await attemptId(db, input);
      return inTransaction(db, `clear the review of attempt ${input.seq} of run ${input.runId}`, async (client) => {
        await client.query('DELETE FROM review_labels WHERE attempt_id = $1', [id]);
        return ((await client.query('DELETE FROM reviews WHERE attempt_id = $1', [id])).rowCount ?? 0) > 0;
      });
    },
    get: async (input) => {
      const id = await attemptId(db, input);
      const [row] = await run<ReviewRow>(db, { action: `read the review of attempt ${input.seq}`, sql: 'SELECT verdict, reviewer, note, reviewed_at AS at FROM reviews WHERE attempt_id = $1', params: [id] });
      if (row === undefined) return undefined;
      return { verdict: row.verdict, reviewedAt: row.at, ...(row.reviewer === null ? {} : { reviewer: row.reviewer }), ...(row.note === null ? {} : { note: row.note }) };
    },
    candidates: async (runId) => run<SampleCandidate>(db, {
      action: `read the review candidates of run ${runId}`, sql: `SELECT seq, outcome AS verdict FROM attempts WHERE run_id = $1 AND outcome IN ('success', 'failure') ORDER BY seq`, params: [runId],
    }),
    sample: async (runId) => run<DrawnSampleItem>(db, {
      action: `read the review sample of run ${runId}`,
      sql: 'SELECT a.seq, s.stratum, s.position, s.seed, s.drawn_at AS "drawnAt" FROM review_samples s JOIN attempts a ON a.id = s.attempt_id WHERE s.run_id = $1 ORDER BY s.position',
      params: [runId],
    }),
    addToSample: async (input) => {
      await inTransaction(db, `add to the review sample of run ${input.runId}`, async (client) => {
        for (const item of input.items) {
          const id = await attemptId(db, { runId: input.runId, seq: item.seq, on: client });
          const added = await client.query('INSERT INTO review_samples (attempt_id, run_id, stratum, position, seed, drawn_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
            [id, input.runId, item.stratum, item.position, input.seed, input.drawnAt]);
          if (added.rowCount !== 1) {
            throw new StoreError(`attempt ${item.seq} (position ${item.position}) is already in run ${input.runId}'s review sample`, { file: db.location, hint: 'extend a sample with attempts not yet in it' });
          }
        }
      });
    },
    label: async (input) => {
      const id = await attemptId(db, input);
      const review: Review = { verdict: input.verdict, reviewedAt: input.at, ...(input.reviewer === '' ? {} : { reviewer: input.reviewer }), ...(input.note === undefined ? {} : { note: input.note }) };
      await inTransaction(db, `label attempt ${input.seq} of run ${input.runId}`, async (client) => {
        await putLabel(client, id, review);
        await putReview(client, id, review);
      });
    },
    unlabel: async (input) => {
      const id = await attemptId(db, input);
      return inTransaction(db, `take back a label of attempt ${input.seq} of run ${input.runId}`, async (client) => {
        if ((await client.query('DELETE FROM review_labels WHERE attempt_id = $1 AND reviewer = $2', [id, input.reviewer])).rowCount === 0) return false;
        const latest = (await client.query<ReviewRow>('SELECT reviewer, verdict, note, labeled_at AS at FROM review_labels WHERE attempt_id = $1 ORDER BY labeled_at DESC, reviewer LIMIT 1', [id])).rows[0];
        if (latest === undefined) await client.query('DELETE FROM reviews WHERE attempt_id = $1', [id]);
        else await putReview(client, id, reviewOf(latest));
        return true;
      });
    },
    labels: async (runId) => {
      const rows = await run<Omit<ReviewLabel, 'note'> & { note: string | null; machineOutcome: Outcome }>(db, {
        action: `read the labels of run ${runId}`,
        sql: `SELECT a.seq, l.reviewer, l.verdict, l.note, l.labeled_at AS "labeledAt", a.outcome AS "machineOutcome"
              FROM review_labels l JOIN attempts a ON a.id = l.attempt_id WHERE a.run_id = $1 ORDER BY a.seq, l.reviewer`,
        params: [runId],
      });
      return rows.map(({ note, ...row }) => ({ ...row, ...(note === null ? {} : { note }) }));
    },
  };
}
