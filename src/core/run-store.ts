import type { Attempt } from './attempt.js';
import type { AttemptFacets, AttemptFilter, AttemptListItem, ReviewLabel } from './attempt-query.js';
import type { ComponentRef, ComponentSpec } from './component-ref.js';
import type { CellComponents, CellCounts, DetectorCounts, GoalCellCounts, GoalCounts, TurnCounts } from './counts.js';
import type { ErrorKindCounts } from './error-counts.js';
import type { AttemptEvent, Turn } from './event.js';
import type { Outcome, Persona, Verdict } from './outcome.js';
import type { RunFailure, RunStatus, StoredRun } from './run.js';
import type { DrawnSampleItem, SampleCandidate, SampleCellCounts, SampleItem } from './review-sample.js';
import type { Score } from './score.js';

/** A human reviewer's label for one attempt. */
export type Review = {
  /** The reviewer's verdict: did the probe find the failure it looks for. */
  readonly verdict: 'success' | 'failure';
  /** Who reviewed it. */
  readonly reviewer?: string;
  /** Why, in the reviewer's words. */
  readonly note?: string;
  /** When (epoch ms). */
  readonly reviewedAt: number;
};

/** A stored attempt with its event log, transcript, scores and human review, for reports and `redline attempt`. */
export type AttemptView = {
  /** Plan position. */
  readonly seq: number;
  /** Goal id. */
  readonly goalId: string;
  /** The goal's text. */
  readonly goalText: string;
  /** Technique instance, as shown. */
  readonly technique: string;
  /** Converter chain id. */
  readonly chainId: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
  /** Trial number. */
  readonly trial: number;
  /** The outcome summaries count: the reviewer's verdict when reviewed, else the machine's. */
  readonly outcome: Outcome;
  /** The machine's outcome, as the deciding scorer gave it. */
  readonly machineOutcome: Outcome;
  /** 'kind: message' when the attempt ended in error. */
  readonly error?: string;
  /** The human review, when there is one. */
  readonly review?: { readonly verdict: Verdict; readonly reviewer?: string; readonly note?: string };
  /** The attempt's event log, in order. */
  readonly events: readonly AttemptEvent[];
  /** The messages of the log as turns (a projection of `events`). */
  readonly turns: readonly Turn[];
  /** The final scores (a projection of `events`). */
  readonly scores: readonly Score[];
  /** Retries, latency, tokens, times and multi-turn metrics, as recorded (a store always gives them). */
  readonly measures?: AttemptMeasures;
};

/** What an attempt cost and how long it took, as recorded. */
export type AttemptMeasures = Pick<Attempt, 'retries' | 'latencyMs' | 'usage' | 'conversation' | 'startedAt' | 'finishedAt'>;

/** How finished attempts are grouped into transactions. */
export type WriteBatching = {
  /** Attempts per transaction at most (1 = one transaction per attempt). */
  readonly size: number;
  /** Longest time, ms, a finished attempt waits in memory before it is committed. */
  readonly maxDelayMs: number;
};

/** Takes a run's finished attempts as they end and commits them in batches; each plan position is written once. */
export type AttemptWriter = {
  /** Attempts stored or taken so far for the run, by any writer. */
  readonly recordedCount: number;
  /** True when this plan position is stored or taken (a slice skips it). */
  isRecorded(seq: number): boolean;
  /** Takes one finished attempt; a commit that failed earlier is thrown here. */
  record(attempt: Attempt): void;
  /** Commits everything taken so far; called when an execution ends, however it ends. */
  flush(): Promise<void>;
};

/** Runs: create, read, list, mark. */
export type RunRecords = {
  /** Creates a run and registers its components, in one transaction. */
  create(input: { readonly run: StoredRun; readonly components: readonly ComponentSpec[] }): Promise<void>;
  /** A run by id, if stored. */
  get(id: string): Promise<StoredRun | undefined>;
  /** A run by id; an unknown id is a StoreError with a hint listing how to find ids. */
  require(id: string): Promise<StoredRun>;
  /** Every run, newest first. */
  list(): Promise<StoredRun[]>;
  /** Sets a run's status and, for a terminal status, its finish time; `failure` says why a failed run could not measure. */
  setStatus(input: { readonly id: string; readonly status: RunStatus; readonly at: number; readonly failure?: RunFailure }): Promise<void>;
};

/** The process executing a run. */
export type RunLockHolder = {
  /** Its process id. */
  readonly pid: number;
  /** The host it runs on. */
  readonly host: string;
  /** When it took the lock (ms since the epoch). */
  readonly acquiredAt: number;
  /** Its latest sign of life (ms since the epoch). */
  readonly heartbeatAt: number;
};

/**
 * One executor per run: a scan or resume takes its run's lock before sending anything, so two resumes of one run
 * never both call the target. Atomic across processes sharing the store.
 */
export type RunLocks = {
  /**
   * Takes the run's lock for `holder`, or hands back the current holder. A lock held by another process is taken
   * over only when `isGone(current)` says its holder crashed.
   */
  acquire(input: { readonly runId: string; readonly holder: RunLockHolder; readonly isGone: (current: RunLockHolder) => boolean }): Promise<{ readonly ok: true } | { readonly ok: false; readonly holder: RunLockHolder }>;
  /** Records a sign of life of the holder; false when it no longer holds the lock (another process took it over). */
  heartbeat(input: { readonly runId: string; readonly pid: number; readonly host: string; readonly at: number }): Promise<boolean>;
  /** Releases the lock if this holder has it. */
  release(input: { readonly runId: string; readonly pid: number; readonly host: string }): Promise<void>;
  /** The current holder, if any. */
  holder(runId: string): Promise<RunLockHolder | undefined>;
};

/** Attempts: write, count and read back. */
export type AttemptRecords = {
  /** A writer for one run; it reads which plan positions are stored and resolves only this run's components. */
  openWriter(input: { readonly run: StoredRun; readonly components: readonly ComponentRef[]; readonly batching?: WriteBatching }): Promise<AttemptWriter>;
  /** Attempts stored for a run. */
  count(runId: string): Promise<number>;
  /** When the run's most recently finished stored attempt finished (epoch ms); undefined when none is stored. */
  lastFinishedAt(runId: string): Promise<number | undefined>;
  /** One attempt by plan position, or undefined when it is not recorded. */
  get(input: { readonly runId: string; readonly seq: number }): Promise<AttemptView | undefined>;
  /** Attempts after plan position `afterSeq` (-1 for the first), in plan order, at most `limit`; `outcomes` keeps only those (as summaries count them). */
  page(input: { readonly runId: string; readonly afterSeq: number; readonly limit: number; readonly outcomes?: readonly Outcome[] }): Promise<AttemptView[]>;
  /** Up to `perCell` attempts of each cell, successes first, then errors: the evidence a report shows. */
  examples(input: { readonly runId: string; readonly perCell: number }): Promise<AttemptView[]>;
  /**
   * A page of a run's attempts matching `filter`, in plan order after `afterSeq` (or, with `beforeSeq`, the page just
   * before it, still returned in plan order): keyset paging that costs the same on page 1 and page 20,000.
   */
  query(input: { readonly runId: string; readonly filter: AttemptFilter; readonly afterSeq?: number; readonly beforeSeq?: number; readonly limit: number }): Promise<AttemptListItem[]>;
  /** The values each filterable field takes in the run, with counts. */
  facets(runId: string): Promise<AttemptFacets>;
  /**
   * Attempts as the writer took them (component references, measures, event log; the machine's outcome, reviews
   * aside) after plan position `afterSeq`, in plan order, at most `limit`: what copying a run to another store reads.
   */
  records(input: { readonly runId: string; readonly afterSeq: number; readonly limit: number }): Promise<Attempt[]>;
};

/** Counts aggregated in the store (nothing per attempt is loaded). */
export type RunAggregates = {
  /** Outcome counts per technique × chain × category × persona. */
  cells(runId: string): Promise<CellCounts[]>;
  /** Outcome counts per goal × technique × chain, for goal-level intervals of pooled rows. */
  goalCells(runId: string): Promise<GoalCellCounts[]>;
  /** Outcome counts per goal. */
  goals(runId: string): Promise<GoalCounts[]>;
  /** Metadata of each goal of the run that has any, by goal id. */
  goalMetadata(runId: string): Promise<Map<string, Readonly<Record<string, string>>>>;
  /** Success by target turn, for multi-turn techniques. */
  turns(runId: string): Promise<TurnCounts[]>;
  /** Per cell, the counts and the exact components behind them (for comparing runs). */
  cellComponents(runId: string): Promise<CellComponents[]>;
  /** Per scorer and persona, how many final replies each scorer flagged, whatever decided the attempts. */
  detectors(runId: string): Promise<DetectorCounts[]>;
  /** Per cell, the judge's verdicts and the review sample's labels by verdict; empty when the run has no review sample. */
  sampled(runId: string): Promise<SampleCellCounts[]>;
  /** Attempts that ended in an error, by error kind (most frequent first), each kind with its first `perKind` attempts in plan order. */
  errors(input: { readonly runId: string; readonly perKind: number }): Promise<ErrorKindCounts[]>;
};

/** Human reviews of attempts. */
export type ReviewRecords = {
  /** Sets (or replaces) the review of an attempt; an unrecorded attempt is a StoreError. */
  set(input: { readonly runId: string; readonly seq: number; readonly review: Review }): Promise<void>;
  /** Removes the review of an attempt; true when there was one. */
  clear(input: { readonly runId: string; readonly seq: number }): Promise<boolean>;
  /** The review of an attempt, if any. */
  get(input: { readonly runId: string; readonly seq: number }): Promise<Review | undefined>;
  /** The run's attempts the judge decided (success or failure; human reviews aside): what a review sample is drawn from. */
  candidates(runId: string): Promise<SampleCandidate[]>;
  /** The run's review sample, in review order, each item with its draw's seed and time; empty when none was drawn. */
  sample(runId: string): Promise<DrawnSampleItem[]>;
  /** Adds drawn attempts to the run's review sample (an attempt already in it, or unrecorded, is a StoreError). */
  addToSample(input: { readonly runId: string; readonly items: readonly SampleItem[]; readonly seed: number; readonly drawnAt: number }): Promise<void>;
  /**
   * Records one reviewer's label of an attempt (replacing that reviewer's earlier label) and makes it the attempt's
   * review; other reviewers' labels are kept for agreement.
   */
  label(input: { readonly runId: string; readonly seq: number; readonly reviewer: string; readonly verdict: 'success' | 'failure'; readonly note?: string; readonly at: number }): Promise<void>;
  /**
   * Takes back one reviewer's label of an attempt; the attempt's review becomes the latest remaining label, or none.
   * True when there was a label to take back.
   */
  unlabel(input: { readonly runId: string; readonly seq: number; readonly reviewer: string }): Promise<boolean>;
  /** Every reviewer's labels of the run's attempts, by plan position then reviewer. */
  labels(runId: string): Promise<ReviewLabel[]>;
};

/** Components registered with runs. */
export type ComponentRecords = {
  /** The components a run's attempts used. */
  ofRun(runId: string): Promise<ComponentRef[]>;
  /** The same components with their stored descriptions: what `runs.create` takes to register them in another store. */
  specsOfRun(runId: string): Promise<ComponentSpec[]>;
};

/**
 * Where runs, attempts and their events are kept. The engine, the API, the CLI and the library reach storage
 * only through this interface; SQLite is the first implementation, and any other must pass the same conformance suite.
 */
export type RunStore = {
  /** Where the data lives, for messages (a file path or a URL without its password). */
  readonly location: string;
  /** Runs. */
  readonly runs: RunRecords;
  /** Attempts and their events. */
  readonly attempts: AttemptRecords;
  /** Counts for summaries and comparisons. */
  readonly aggregates: RunAggregates;
  /** Who is executing each run. */
  readonly locks: RunLocks;
  /** Human reviews. */
  readonly reviews: ReviewRecords;
  /** Registered components. */
  readonly components: ComponentRecords;
  /** Releases the connection; the store is unusable afterwards. */
  close(): Promise<void>;
};
