import type { AttemptEvent } from '../core/event.js';
import type { Outcome, Persona, Verdict } from '../core/outcome.js';
import type { AttemptView, RunStore } from '../core/run-store.js';
import { jsonLine } from '../report/json-report.js';
import { attemptPages } from './attempt-pages.js';

/** The `format` and `version` every exported line carries, so a reader can check what it parses. */
export const EXPORT_FORMAT = 'redline-attempt';
export const EXPORT_VERSION = 1;

/** One attempt as `redline export` writes it: a line of JSONL (docs/export.md). */
export type ExportedAttempt = {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly runId: string;
  /** Plan position. */
  readonly seq: number;
  readonly goal: { readonly id: string; readonly text: string; readonly category: string; readonly persona: Persona };
  /** Technique instance, as shown. */
  readonly technique: string;
  /** Converter chain id. */
  readonly chain: string;
  readonly trial: number;
  /** The outcome summaries count (the reviewer's, when reviewed). */
  readonly outcome: Outcome;
  /** The deciding scorer's outcome. */
  readonly machineOutcome: Outcome;
  /** The deciding scorer's id, when a scorer decided. */
  readonly decidedBy?: string;
  /** 'kind: message' when the attempt ended in error. */
  readonly error?: string;
  readonly review?: { readonly verdict: Verdict; readonly reviewer?: string; readonly note?: string };
  /** The attempt's whole event log, in order: messages with their parts, target calls, conversions, scores, errors. */
  readonly events: readonly AttemptEvent[];
};

/** An attempt as an export line's object. */
export function exportedAttempt(runId: string, view: AttemptView): ExportedAttempt {
  const deciding = view.events.find((e): e is Extract<AttemptEvent, { type: 'score' }> => e.type === 'score' && e.deciding === true && e.turn === undefined);
  return {
    format: EXPORT_FORMAT, version: EXPORT_VERSION, runId, seq: view.seq,
    goal: { id: view.goalId, text: view.goalText, category: view.category, persona: view.persona },
    technique: view.technique, chain: view.chainId, trial: view.trial, outcome: view.outcome, machineOutcome: view.machineOutcome,
    ...(deciding === undefined ? {} : { decidedBy: deciding.score.scorerId }),
    ...(view.error === undefined ? {} : { error: view.error }),
    ...(view.review === undefined ? {} : { review: view.review }),
    events: view.events,
  };
}

/** What to export. */
export type ExportOptions = {
  readonly runId: string;
  /** Only attempts with these outcomes (as summaries count them), e.g. ['success'] for a hit log. */
  readonly outcomes?: readonly Outcome[];
  /** Attempts read from the store at a time. */
  readonly pageSize?: number;
};

/**
 * Every recorded attempt of a run (or those of some outcomes), in plan order, as JSONL lines; read from the store a
 * page at a time, so a run of a million attempts is exported in bounded memory. Resolves to the number written.
 */
export async function exportRun(store: RunStore, options: ExportOptions, write: (line: string) => Promise<void> | void): Promise<number> {
  await store.runs.require(options.runId);
  let written = 0;
  for await (const view of attemptPages(store, options)) {
    await write(jsonLine(exportedAttempt(options.runId, view)));
    written += 1;
  }
  return written;
}
