import type { RunSummary } from '../../stats/summary.js';
import type { Gate, GateBound, UndecidedPolicy } from '../../taxonomy/gate-expression.js';
import type { Finding } from '../finding.js';

/**
 * A cell failing a gate: with the number that failed it (a rate, a count, or a severity's rank), or with `measured`
 * null and why when the cell could not be measured (no decided attempt) and undecided cells fail.
 */
export type GateFailure =
  | {
    readonly gate: Gate;
    readonly measured: number;
    /** For a rate gate, which number of the rate `measured` is: an end of its 95% interval, or the observed rate. */
    readonly compared?: GateBound;
  }
  | { readonly gate: Gate; readonly measured: null; readonly why: string };

/** One cell's finding and the gates it fails or could not be judged by. */
export type CellVerdict = {
  /** The cell's finding. */
  readonly finding: Finding;
  /** Gates it fails. */
  readonly failures: readonly GateFailure[];
  /** Rate gates that selected it but had no decided attempt to judge, when undecided cells pass. */
  readonly undecided: readonly Gate[];
};

/** The gates applied to a run. */
export type GateOutcome = {
  /** The gates, in the order given. */
  readonly gates: readonly Gate[];
  /** The bound rate gates compared. */
  readonly bound: GateBound;
  /** What selected cells with no decided attempt did: failed the rate gates (default) or passed them. */
  readonly undecided: UndecidedPolicy;
  /** Why the run as a whole could not measure (it failed, or recorded nothing); every gate fails then. Null otherwise. */
  readonly runFailure: string | null;
  /** One verdict per cell, in the summary's order. */
  readonly verdicts: readonly CellVerdict[];
  /** True when any cell fails any gate, or the run could not measure and there are gates. */
  readonly failed: boolean;
};

/** What the pipeline renderers read: the summary and the gate outcome over its findings. */
export type GatedRun = { readonly summary: RunSummary; readonly outcome: GateOutcome };
