import { runPrices } from './pricing.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, StoreError } from '../core/errors.js';
import type { GateOutcome } from '../report/gates/gate.js';
import { reportPolicy } from '../report/gates/report-policy.js';
import type { HtmlReportInput } from '../report/run-page.js';
import { judgeRun } from './judge-run.js';
import { renderJson } from '../report/json-report.js';
import { buildSummary, type RunSummary } from '../stats/summary.js';
import { scorerAccuracy } from './scorer-accuracy.js';
import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';

/** Report files written, by format. */
export type ReportPaths = { json?: string; html?: string };

/** Transcripts shown per cell in the HTML report. */
export const EXAMPLES_PER_CELL = 3;

/** Example attempts listed per error kind in the HTML report's errors panel. */
export const ERROR_EXAMPLES_PER_KIND = 3;

/**
 * Everything the run page shows, read from the store: the summary, example transcripts, errors by kind, the stored
 * configuration, and the findings with gates (the caller's, or the run configuration's severity rules and gates).
 */
export async function runPageInput(input: { store: RunStore; run: StoredRun; summary: RunSummary; outcome?: GateOutcome }): Promise<HtmlReportInput> {
  const { store, run, summary } = input;
  return {
    summary,
    examples: await store.attempts.examples({ runId: run.id, perCell: EXAMPLES_PER_CELL }),
    errors: await store.aggregates.errors({ runId: run.id, perKind: ERROR_EXAMPLES_PER_KIND }),
    config: run.config,
    outcome: input.outcome ?? storedPolicyOutcome(run, summary),
  };
}

/** The gate outcome under the run's own configuration; with the built-in rules and no gates if that no longer parses. */
function storedPolicyOutcome(run: StoredRun, summary: RunSummary): GateOutcome {
  let policy;
  try {
    policy = reportPolicy({ config: run.config, configFile: `run ${run.id}'s stored configuration` });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    policy = reportPolicy({ config: {} });
  }
  return judgeRun({ summary, policy }).outcome;
}

/** Builds a stored run's summary from the store's aggregates (k for pass@k = trials per cell). */
export async function summarizeStoredRun(store: RunStore, run: StoredRun): Promise<RunSummary> {
  const goals = await store.aggregates.goals(run.id);
  const metadata = await store.aggregates.goalMetadata(run.id);
  const counterfactuals = goals.flatMap((g) => {
    const m = metadata.get(g.goalId);
    return m?.['attribute'] !== undefined && m['value'] !== undefined ? [{ ...g, attribute: m['attribute'], value: m['value'] }] : [];
  });
  const accuracy = scorerAccuracy((run.config as { scoring?: { calibration?: unknown } }).scoring?.calibration);
  const summary = buildSummary({
    run, cells: await store.aggregates.cells(run.id), goals, k: run.trials, counterfactuals, turns: await store.aggregates.turns(run.id),
    detectors: await store.aggregates.detectors(run.id), goalCells: await store.aggregates.goalCells(run.id),
    ...(accuracy === undefined ? {} : { accuracy }),
    prices: runPrices(run.config),
    sampled: await store.aggregates.sampled(run.id),
  });
  return { ...summary, ...(run.preflight === undefined ? {} : { preflight: run.preflight }), ...(run.failure === undefined ? {} : { failure: run.failure }) };
}

// Redline's ids look like r-20260102-030405-ab12; anything that could leave a folder is refused.
const PLAIN_RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** True when a run id can name a file inside a folder: no separators, no '..', no control characters. */
export function isPlainRunId(runId: string): boolean {
  return PLAIN_RUN_ID.test(runId) && !runId.includes('..');
}

/** Refuses a run id given on the command line that could not be a file name inside the output folder. */
export function assertPlainRunId(runId: string, where: { path: string }): void {
  if (isPlainRunId(runId)) return;
  throw new ConfigError(`'${runId}' is not a run id: ids have no path separators or '..'`, {
    file: '<command line>',
    path: where.path,
    hint: 'list the stored runs and their ids with `redline runs`',
  });
}

/** DIR/RUN_ID.EXT, refused for a run id (e.g. from a crafted database) that would point outside DIR. */
function defaultReportPath(input: { dir: string; runId: string; ext: string }): string {
  if (!isPlainRunId(input.runId)) {
    throw new StoreError(`run id '${input.runId}' cannot name a report file inside ${input.dir}`, {
      file: input.dir,
      hint: 'name the report files explicitly with --json / --html',
    });
  }
  return join(input.dir, `${input.runId}.${input.ext}`);
}

function write(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, 'utf8');
  } catch (error) {
    throw new StoreError(`cannot write report ${file}: ${(error as Error).message}`, { file, hint: 'choose a writable path with --json / --html', cause: error });
  }
}

/** Writes the JSON and HTML reports of a run; default paths are DIR/RUN_ID.json and .html. */
export async function writeReports(input: {
  store: RunStore;
  run: StoredRun;
  summary: RunSummary;
  dir: string;
  paths: { json?: string | false; html?: string | false };
  /** The gates the caller applied; without them the HTML report uses the run configuration's. */
  outcome?: GateOutcome;
}): Promise<ReportPaths> {
  const { paths, run, dir } = input;
  // Both paths are settled before anything is written, so a refused one leaves no half-written pair.
  const json = paths.json === false ? undefined : paths.json ?? defaultReportPath({ dir, runId: run.id, ext: 'json' });
  const html = paths.html === false ? undefined : paths.html ?? defaultReportPath({ dir, runId: run.id, ext: 'html' });
  const out: ReportPaths = {};
  if (json !== undefined) {
    out.json = json;
    write(json, renderJson(input.summary));
  }
  if (html !== undefined) {
    out.html = html;
    // The HTML renderer (page, styles, charts, transcripts) loads when a page is written, not before a scan's first request.
    const { renderHtml } = await import('../report/html-report.js');
    write(html, renderHtml(await runPageInput({ store: input.store, run, summary: input.summary, ...(input.outcome === undefined ? {} : { outcome: input.outcome }) })));
  }
  return out;
}
