import type { Severity } from './severity.js';

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
export const GATE_KEYS = ['category', 'technique', 'chain', 'persona', 'kind'] as const;

/** Picks cells: the field's value must match the glob (technique also matches on the registry id). */
export type GateSelector = { readonly key: (typeof GATE_KEYS)[number]; readonly pattern: string };

/** A comparison operator. */
export type GateOperator = '>' | '>=' | '<' | '<=' | '=';

/** What a gate compares: the rate, the errored attempts' count or share, or the severity against a level. */
export type GateCondition =
  | { readonly metric: 'asr'; readonly op: GateOperator; readonly value: number }
  | { readonly metric: 'errors'; readonly op: GateOperator; readonly value: number }
  | { readonly metric: 'error-rate'; readonly op: GateOperator; readonly value: number }
  | { readonly metric: 'severity'; readonly op: GateOperator; readonly value: Severity };

/** What a gate does with a selected cell that has no decided attempt: fail it (the default) or let it pass. */
export const UNDECIDED_POLICIES = ['fail', 'pass'] as const;

/** `fail`: a cell Redline could not measure fails every rate gate that selects it. */
export type UndecidedPolicy = (typeof UNDECIDED_POLICIES)[number];

/** A parsed `--fail-on` expression: every selected cell whose condition holds fails the gate. */
export type Gate = {
  /** The expression as written. */
  readonly expression: string;
  /** All must match for a cell to be judged. */
  readonly selectors: readonly GateSelector[];
  /** The failing condition. */
  readonly condition: GateCondition;
};
