import type { RunSummary } from '../../stats/summary.js';
import type { Gate, GateBound } from '../../taxonomy/gate-expression.js';
import type { Finding } from '../finding.js';

/** A cell failing a gate, with the number that failed it (a rate, or a severity's rank). */
export type GateFailure = { readonly gate: Gate; readonly measured: number };

/** One cell's finding and the gates it fails or could not be judged by. */
export type CellVerdict = {
  /** The cell's finding. */
  readonly finding: Finding;
  /** Gates it fails. */
  readonly failures: readonly GateFailure[];
  /** Rate gates that selected it but had no decided attempt to judge. */
  readonly undecided: readonly Gate[];
};

/** The gates applied to a run. */
export type GateOutcome = {
  /** The gates, in the order given. */
  readonly gates: readonly Gate[];
  /** The bound rate gates compared. */
  readonly bound: GateBound;
  /** One verdict per cell, in the summary's order. */
  readonly verdicts: readonly CellVerdict[];
  /** True when any cell fails any gate. */
  readonly failed: boolean;
};

/** What the pipeline renderers read: the summary and the gate outcome over its findings. */
export type GatedRun = { readonly summary: RunSummary; readonly outcome: GateOutcome };
