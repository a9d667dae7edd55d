import type { Outcome } from '../core/outcome.js';

/** A cell of a run by its stored references: technique, converter chain, goal category and persona. */
export type ExampleCell = { technique_ref: number; chain_ref: number; category: string; persona: string };

/** A reviewed attempt of a run: its cell, plan position, the machine's outcome and the reviewer's verdict. */
export type ReviewedAttempt = ExampleCell & { seq: number; machine: Outcome; verdict: 'success' | 'failure' };

/** A cell's key in a Map. */
export const cellKey = (c: ExampleCell): string => `${c.technique_ref}\u0000${c.chain_ref}\u0000${c.category}\u0000${c.persona}`;

const bySeq = (seqs: number[]) => seqs.sort((x, y) => x - y);

/**
 * The plan positions of up to `perCell` example attempts of each cell. Within a cell: attempts that count as
 * successes first (a reviewer's label counts), then those the machine ended in error, then the rest, each in plan
 * order. `firstSeqs` gives the first `limit` positions of a cell the machine ended in an outcome, in plan order; the
 * run's reviewed attempts are applied on top.
 */
export function pickExamples<C extends ExampleCell>(input: {
  perCell: number;
  cells: Iterable<C>;
  reviewed: readonly ReviewedAttempt[];
  firstSeqs: (cell: C, outcome: Outcome, limit: number) => readonly number[];
}): number[] {
  const n = input.perCell;
  const reviewedByCell = new Map<string, ReviewedAttempt[]>();
  for (const r of input.reviewed) reviewedByCell.set(cellKey(r), [...(reviewedByCell.get(cellKey(r)) ?? []), r]);
  const chosen: number[] = [];
  for (const cell of input.cells) {
    const mine = reviewedByCell.get(cellKey(cell)) ?? [];
    const effective = new Map(mine.map((r) => [r.seq, r.verdict]));
    // The first seqs of a machine outcome, read past those a label moved to another class.
    const ofMachine = (outcome: Outcome, keep: (seq: number) => boolean): number[] => input.firstSeqs(cell, outcome, n + mine.length).filter(keep);
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
  return chosen;
}

/** The order examples are shown in: by technique, then category, then plan position. */
export function exampleOrder(x: { technique: string; category: string; seq: number }, y: { technique: string; category: string; seq: number }): number {
  return x.technique < y.technique ? -1 : x.technique > y.technique ? 1 : x.category < y.category ? -1 : x.category > y.category ? 1 : x.seq - y.seq;
}
