import type { RunSummary } from '../../stats/summary.js';
import type { Finding } from '../../taxonomy/finding.js';
import type { Severity } from '../../taxonomy/severity.js';

/** Which number of a cell's rate a gate compares: an end of the 95% interval, or the observed rate. */
export const GATE_BOUNDS = ['upper', 'lower', 'point'] as const;

/** `upper` (the default) fails whenever the true rate could exceed the threshold. */
export type GateBound = (typeof GATE_BOUNDS)[number];

/** What each bound compares, in words for reports. */
export const GATE_BOUND_NAMES: Readonly<Record<GateBound, string>> = {
  upper: 'upper end of the 95% interval',
  lower: 'lower end of the 95% interval',
  point: 'observed rate',
};

/** The cell fields a gate can select on. */
export const GATE_KEYS = ['category', 'technique', 'persona', 'kind'] as const;

/** Picks cells: the field's value must match the glob (technique also matches on the registry id). */
export type GateSelector = { readonly key: (typeof GATE_KEYS)[number]; readonly pattern: string };

/** A comparison operator. */
export type GateOperator = '>' | '>=' | '<' | '<=' | '=';

/** What a gate compares: the rate against a proportion, or the severity against a level. */
export type GateCondition =
  | { readonly metric: 'asr'; readonly op: GateOperator; readonly value: number }
  | { readonly metric: 'severity'; readonly op: GateOperator; readonly value: Severity };

/** A parsed `--fail-on` expression: every selected cell whose condition holds fails the gate. */
export type Gate = {
  /** The expression as written. */
  readonly expression: string;
  /** All must match for a cell to be judged. */
  readonly selectors: readonly GateSelector[];
  /** The failing condition. */
  readonly condition: GateCondition;
};

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
