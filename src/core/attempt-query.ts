import type { Outcome, Persona } from './outcome.js';

/** Which attempts of a run to list; every field narrows the set, absent fields keep everything. */
export type AttemptFilter = {
  /** Technique instance names (as shown). */
  readonly technique?: string;
  /** Converter chain id. */
  readonly chain?: string;
  /** Goal category. */
  readonly category?: string;
  /** Goal persona. */
  readonly persona?: Persona;
  /** Outcome as summaries count it (the reviewer's verdict when reviewed). */
  readonly outcome?: Outcome;
  /** Id of the scorer that decided the attempt; `none` for attempts no scorer decided. */
  readonly decidedBy?: string;
  /** True for reviewed attempts only, false for unreviewed only. */
  readonly reviewed?: boolean;
  /** Error kind, e.g. `http-429`. */
  readonly errorKind?: string;
  /** Latency at least this many ms. */
  readonly minLatencyMs?: number;
  /** Latency at most this many ms. */
  readonly maxLatencyMs?: number;
  /** Words that must all appear in the attempt's prompts or replies (full-text, any order). */
  readonly text?: string;
};

/** One attempt as a list shows it: what it was, how it ended, and the start of its prompt and reply. */
export type AttemptListItem = {
  /** Plan position (the number `redline attempt` takes). */
  readonly seq: number;
  /** Goal id. */
  readonly goalId: string;
  /** Technique instance, as shown. */
  readonly technique: string;
  /** Converter chain id. */
  readonly chain: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
  /** Trial number. */
  readonly trial: number;
  /** Outcome as summaries count it. */
  readonly outcome: Outcome;
  /** The machine's outcome. */
  readonly machineOutcome: Outcome;
  /** The scorer that decided it, if any. */
  readonly decidedBy?: string;
  /** The human verdict, when reviewed. */
  readonly review?: 'success' | 'failure';
  /** Error kind, when it ended in error. */
  readonly errorKind?: string;
  /** Latency of the target calls, ms. */
  readonly latencyMs: number;
  /** The first prompt as written (before converters), cut short. */
  readonly prompt: string;
  /** The last reply, cut short. */
  readonly reply: string;
};

/** One value of a facet and how many of the run's attempts have it. */
export type FacetValue = {
  /** The value. */
  readonly value: string;
  /** Attempts with it. */
  readonly count: number;
};

/** The values each filterable field takes in a run, with counts: what a filter form offers. */
export type AttemptFacets = {
  /** Technique instances. */
  readonly technique: readonly FacetValue[];
  /** Converter chains. */
  readonly chain: readonly FacetValue[];
  /** Goal categories. */
  readonly category: readonly FacetValue[];
  /** Personas. */
  readonly persona: readonly FacetValue[];
  /** Outcomes as summaries count them (a reviewer's label when there is one). */
  readonly outcome: readonly FacetValue[];
  /** Deciding scorers (`none` when no scorer decided). */
  readonly decidedBy: readonly FacetValue[];
  /** Error kinds. */
  readonly errorKind: readonly FacetValue[];
  /** Reviewed attempts. */
  readonly reviewed: number;
};

/** One reviewer's label of one attempt (several reviewers may label the same attempt). */
export type ReviewLabel = {
  /** Plan position of the attempt. */
  readonly seq: number;
  /** Who labeled it ('' when unnamed). */
  readonly reviewer: string;
  /** The label. */
  readonly verdict: 'success' | 'failure';
  /** Why, in the reviewer's words. */
  readonly note?: string;
  /** When (epoch ms). */
  readonly labeledAt: number;
  /** The machine's outcome of the attempt, for judge-versus-person agreement. */
  readonly machineOutcome: Outcome;
};
