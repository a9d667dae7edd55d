import type { Outcome } from '../../core/outcome.js';
import type { AttemptView } from '../../core/run-store.js';
import { attemptViewsAt } from './attempt-views.js';
import { run, type Pg } from './db.js';

type CellRef = { technique_ref: number; chain_ref: number; category: string; persona: string };
type ReviewedRow = CellRef & { seq: number; machine: Outcome; verdict: 'success' | 'failure' };
type FirstRow = CellRef & { outcome: Outcome; seqs: number[] };

const key = (c: CellRef) => `${c.technique_ref}\u0000${c.chain_ref}\u0000${c.category}\u0000${c.persona}`;
const bySeq = (seqs: number[]) => seqs.sort((x, y) => x - y);

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
  const reviewed = await run<ReviewedRow>(db, {
    action,
    sql: `SELECT a.seq, a.technique_ref, a.chain_ref, a.category, a.persona, a.outcome AS machine, r.verdict
          FROM reviews r JOIN attempts a ON a.id = r.attempt_id WHERE a.run_id = $1`,
    params: [input.runId],
  });
  const reviewedByCell = new Map<string, ReviewedRow[]>();
  for (const r of reviewed) reviewedByCell.set(key(r), [...(reviewedByCell.get(key(r)) ?? []), r]);
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
  const cells = new Map<string, { cell: CellRef; first: Map<Outcome, number[]> }>();
  for (const row of firsts) {
    const entry = cells.get(key(row)) ?? { cell: row, first: new Map<Outcome, number[]>() };
    entry.first.set(row.outcome, row.seqs);
    cells.set(key(row), entry);
  }
  const chosen: number[] = [];
  for (const { cell, first } of cells.values()) {
    const mine = reviewedByCell.get(key(cell)) ?? [];
    const effective = new Map(mine.map((r) => [r.seq, r.verdict]));
    const ofMachine = (outcome: Outcome, keep: (seq: number) => boolean): number[] => (first.get(outcome) ?? []).slice(0, n + mine.length).filter(keep);
    // Among successes, those the machine ended in error (a reviewer's success) come first, as the ranking always had it.
    const successes = [
      ...bySeq(mine.filter((r) => r.verdict === 'success' && r.machine === 'error').map((r) => r.seq)),
      ...bySeq([
        ...ofMachine('success', (seq) => effective.get(seq) !== 'failure'),
        ...mine.filter((r) => r.verdict === 'success' && r.machine !== 'success' && r.machine !== 'error').map((r) => r.seq),
      ]),
    ].slice(0, n);
    const errors = ofMachine('error', (seq) => effective.get(seq) !== 'success').slice(0, n - successes.length);
    const rest = bySeq([
      ...ofMachine('failure', (seq) => effective.get(seq) !== 'success'),
      ...ofMachine('unscored', (seq) => effective.get(seq) !== 'success'),
      ...mine.filter((r) => r.verdict === 'failure' && r.machine === 'success').map((r) => r.seq),
    ]).slice(0, n - successes.length - errors.length);
    chosen.push(...successes, ...errors, ...rest);
  }
  const views = await attemptViewsAt(db, { runId: input.runId, seqs: chosen });
  return views.sort((x, y) => (x.technique < y.technique ? -1 : x.technique > y.technique ? 1 : x.category < y.category ? -1 : x.category > y.category ? 1 : x.seq - y.seq));
}
