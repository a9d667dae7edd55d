import { StoreError } from '../../core/errors.js';
import type { DrawnSampleItem, SampleCandidate, SampleItem } from '../../core/review-sample.js';
import type { Review } from '../../core/run-store.js';
import type { ReviewLabel } from '../../core/attempt-query.js';
import type { Outcome } from '../../core/outcome.js';
import type { Db } from './db.js';


function attemptId(db: Db, input: { runId: string; seq: number; file: string }): number {
  const row = db.prepare('SELECT id FROM attempts WHERE run_id = ? AND seq = ?').get(input.runId, input.seq) as { id: number } | undefined;
  if (row === undefined) {
    throw new StoreError(`run ${input.runId} has no recorded attempt ${input.seq}`, { file: input.file, hint: 'attempt numbers are the plan positions shown in reports and by `redline attempt`' });
  }
  return row.id;
}

function putReview(db: Db, id: number, review: Review): void {
  db.prepare(
    `INSERT INTO reviews (attempt_id, verdict, reviewer, note, reviewed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (attempt_id) DO UPDATE SET verdict = excluded.verdict, reviewer = excluded.reviewer, note = excluded.note, reviewed_at = excluded.reviewed_at`,
  ).run(id, review.verdict, review.reviewer ?? null, review.note ?? null, review.reviewedAt);
}

function putLabel(db: Db, id: number, review: Review): void {
  db.prepare(
    `INSERT INTO review_labels (attempt_id, reviewer, verdict, note, labeled_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (attempt_id, reviewer) DO UPDATE SET verdict = excluded.verdict, note = excluded.note, labeled_at = excluded.labeled_at`,
  ).run(id, review.reviewer ?? '', review.verdict, review.note ?? null, review.reviewedAt);
}

/** Sets (or replaces) the human review of an attempt; it is also that reviewer's label. */
export function setReview(db: Db, input: { runId: string; seq: number; file: string; review: Review }): void {
  const id = attemptId(db, input);
  db.transaction(() => {
    putReview(db, id, input.review);
    putLabel(db, id, input.review);
  })();
}

/** Removes the human review of an attempt and every label of it, so the machine's outcome counts again; true when there was one. */
export function clearReview(db: Db, input: { runId: string; seq: number; file: string }): boolean {
  const id = attemptId(db, input);
  return db.transaction(() => {
    db.prepare('DELETE FROM review_labels WHERE attempt_id = ?').run(id);
    return db.prepare('DELETE FROM reviews WHERE attempt_id = ?').run(id).changes > 0;
  })();
}

/** One reviewer's label of an attempt, which becomes the attempt's review (the latest label counts). */
export function labelAttempt(db: Db, input: { runId: string; seq: number; file: string; reviewer: string; verdict: 'success' | 'failure'; note?: string; at: number }): void {
  const id = attemptId(db, input);
  const review: Review = { verdict: input.verdict, reviewedAt: input.at, ...(input.reviewer === '' ? {} : { reviewer: input.reviewer }), ...(input.note === undefined ? {} : { note: input.note }) };
  db.transaction(() => {
    putLabel(db, id, review);
    putReview(db, id, review);
  })();
}

/** Takes back one reviewer's label; the review becomes the latest remaining label, or none. True when there was one. */
export function unlabelAttempt(db: Db, input: { runId: string; seq: number; file: string; reviewer: string }): boolean {
  const id = attemptId(db, input);
  return db.transaction(() => {
    if (db.prepare('DELETE FROM review_labels WHERE attempt_id = ? AND reviewer = ?').run(id, input.reviewer).changes === 0) return false;
    const latest = db.prepare('SELECT reviewer, verdict, note, labeled_at AS at FROM review_labels WHERE attempt_id = ? ORDER BY labeled_at DESC, reviewer LIMIT 1').get(id) as
      | { reviewer: string; verdict: 'success' | 'failure'; note: string | null; at: number } | undefined;
    if (latest === undefined) db.prepare('DELETE FROM reviews WHERE attempt_id = ?').run(id);
    else putReview(db, id, { verdict: latest.verdict, reviewedAt: latest.at, ...(latest.reviewer === '' ? {} : { reviewer: latest.reviewer }), ...(latest.note === null ? {} : { note: latest.note }) });
    return true;
  })();
}

/** Every reviewer's labels of a run's attempts, by plan position then reviewer. */
export function reviewLabels(db: Db, runId: string): ReviewLabel[] {
  const rows = db.prepare(
    `SELECT a.seq, l.reviewer, l.verdict, l.note, l.labeled_at AS labeledAt, a.outcome AS machineOutcome
     FROM review_labels l CROSS JOIN attempts a ON a.id = l.attempt_id WHERE a.run_id = ? ORDER BY a.seq, l.reviewer`,
  ).all(runId) as { seq: number; reviewer: string; verdict: 'success' | 'failure'; note: string | null; labeledAt: number; machineOutcome: Outcome }[];
  return rows.map(({ note, ...row }) => ({ ...row, ...(note === null ? {} : { note }) }));
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

/** The run's review sample, in review order, with each draw's seed and time. */
export function reviewSample(db: Db, runId: string): DrawnSampleItem[] {
  return db.prepare(
    'SELECT a.seq, s.stratum, s.position, s.seed, s.drawn_at AS drawnAt FROM review_samples s CROSS JOIN attempts a ON a.id = s.attempt_id WHERE s.run_id = ? ORDER BY s.position',
  ).all(runId) as DrawnSampleItem[];
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
