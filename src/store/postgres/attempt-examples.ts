import type { Outcome } from '../../core/outcome.js';
import type { AttemptView } from '../../core/run-store.js';
import { cellKey, exampleOrder, pickExamples, type ExampleCell, type ReviewedAttempt } from '../pick-examples.js';
import { attemptViewsAt } from './attempt-views.js';
import { run, type Pg } from './db.js';

type FirstRow = ExampleCell & { outcome: Outcome; seqs: number[] };

/**
 * Up to `perCell` attempts of each cell, with their logs: the evidence a report shows. Within a cell: attempts that
 * count as successes first (a reviewer's label counts), then those the machine ended in error, then the rest, each
 * in plan order. The first few positions of each cell and machine outcome are read from the cell-and-outcome index
 * in one statement (a LATERAL join per cell and outcome, never a scan of the cell), the run's reviewed attempts
 * applied on top — the same choice as the SQLite store's.
 */
export async function attemptExamples(db: Pg, input: { runId: string; perCell: number }): Promise<AttemptView[]> {
  const n = input.perCell;
  const action = `pick example attempts of run ${input.runId}`;
  const reviewed = await run<ReviewedAttempt>(db, {
    action,
    sql: `SELECT a.seq, a.technique_ref, a.chain_ref, a.category, a.persona, a.outcome AS machine, r.verdict
          FROM reviews r JOIN attempts a ON a.id = r.attempt_id WHERE a.run_id = $1`,
    params: [input.runId],
  });
  // Enough positions of each outcome to fill the cell past every reviewed attempt a label moved to another class.
  const firsts = await run<FirstRow>(db, {
    action,
    sql: `SELECT x.technique_ref, x.chain_ref, x.category, x.persona, o.outcome, ARRAY(
            SELECT a.seq FROM attempts a WHERE a.run_id = $1 AND a.technique_ref = x.technique_ref AND a.chain_ref = x.chain_ref
              AND a.category = x.category AND a.persona = x.persona AND a.outcome = o.outcome ORDER BY a.seq LIMIT $2) AS seqs
          FROM (SELECT DISTINCT technique_ref, chain_ref, category, persona FROM attempt_tallies WHERE run_id = $1) x
            CROSS JOIN unnest(ARRAY['success', 'failure', 'error', 'unscored']) AS o(outcome)`,
    params: [input.runId, n + reviewed.length],
  });
  const cells = new Map<string, { cell: ExampleCell; first: Map<Outcome, number[]> }>();
  for (const row of firsts) {
    const entry = cells.get(cellKey(row)) ?? { cell: row, first: new Map<Outcome, number[]>() };
    entry.first.set(row.outcome, row.seqs);
    cells.set(cellKey(row), entry);
  }
  const chosen = pickExamples({
    perCell: n,
    cells: [...cells.values()].map(({ cell }) => cell),
    reviewed,
    firstSeqs: (cell, outcome, limit) => (cells.get(cellKey(cell))?.first.get(outcome) ?? []).slice(0, limit),
  });
  const views = await attemptViewsAt(db, { runId: input.runId, seqs: chosen });
  return views.sort(exampleOrder);
}
