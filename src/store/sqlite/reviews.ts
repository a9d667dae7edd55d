import { StoreError } from '../../core/errors.js';
import type { SampleCandidate, SampleItem } from '../../core/review-sample.js';
import type { Review } from '../../core/run-store.js';
import type { Db } from './db.js';


function attemptId(db: Db, input: { runId: string; seq: number; file: string }): number {
  const row = db.prepare('SELECT id FROM attempts WHERE run_id = ? AND seq = ?').get(input.runId, input.seq) as { id: number } | undefined;
  if (row === undefined) {
    throw new StoreError(`run ${input.runId} has no recorded attempt ${input.seq}`, { file: input.file, hint: 'attempt numbers are the plan positions shown in reports and by `redline attempt`' });
  }
  return row.id;
}

/** Sets (or replaces) the human review of an attempt. */
export function setReview(db: Db, input: { runId: string; seq: number; file: string; review: Review }): void {
  const { review } = input;
  db.prepare(
    `INSERT INTO reviews (attempt_id, verdict, reviewer, note, reviewed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (attempt_id) DO UPDATE SET verdict = excluded.verdict, reviewer = excluded.reviewer, note = excluded.note, reviewed_at = excluded.reviewed_at`,
  ).run(attemptId(db, input), review.verdict, review.reviewer ?? null, review.note ?? null, review.reviewedAt);
}

/** Removes the human review of an attempt, so the machine's outcome counts again; true when there was one. */
export function clearReview(db: Db, input: { runId: string; seq: number; file: string }): boolean {
  return db.prepare('DELETE FROM reviews WHERE attempt_id = ?').run(attemptId(db, input)).changes > 0;
}

/** The human review of an attempt, if any. */
export function getReview(db: Db, input: { runId: string; seq: number; file: string }): Review | undefined {
  const row = db.prepare('SELECT verdict, reviewer, note, reviewed_at AS reviewedAt FROM reviews WHERE attempt_id = ?').get(attemptId(db, input)) as
    | { verdict: 'success' | 'failure'; reviewer: string | null; note: string | null; reviewedAt: number }
    | undefined;
  if (row === undefined) return undefined;
  return { verdict: row.verdict, reviewedAt: row.reviewedAt, ...(row.reviewer === null ? {} : { reviewer: row.reviewer }), ...(row.note === null ? {} : { note: row.note }) };
}

/** The run's attempts the judge decided, with its verdict (human reviews aside). */
export function sampleCandidates(db: Db, runId: string): SampleCandidate[] {
  return db.prepare(`SELECT seq, outcome AS verdict FROM attempts WHERE run_id = ? AND outcome IN ('success', 'failure') ORDER BY seq`).all(runId) as SampleCandidate[];
}

/** The run's review sample, in review order. */
export function reviewSample(db: Db, runId: string): SampleItem[] {
  return db.prepare(
    'SELECT a.seq, s.stratum, s.position FROM review_samples s JOIN attempts a ON a.id = s.attempt_id WHERE s.run_id = ? ORDER BY s.position',
  ).all(runId) as SampleItem[];
}

/** Adds drawn attempts to the run's review sample, all or none. */
export function addToReviewSample(db: Db, input: { runId: string; items: readonly SampleItem[]; seed: number; drawnAt: number; file: string }): void {
  const insert = db.prepare('INSERT INTO review_samples (attempt_id, run_id, stratum, position, seed, drawn_at) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const item of input.items) {
      try {
        insert.run(attemptId(db, { runId: input.runId, seq: item.seq, file: input.file }), input.runId, item.stratum, item.position, input.seed, input.drawnAt);
      } catch (error) {
        if (error instanceof StoreError) throw error;
        throw new StoreError(`attempt ${item.seq} (position ${item.position}) is already in run ${input.runId}'s review sample`, { file: input.file, hint: 'extend a sample with attempts not yet in it', cause: error });
      }
    }
  })();
}
