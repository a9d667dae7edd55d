import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StoreError } from '../core/errors.js';
import { renderHtml } from '../report/html-report.js';
import { renderJson } from '../report/json-report.js';
import { buildSummary, type RunSummary } from '../stats/summary.js';
import { scorerAccuracy } from './scorer-accuracy.js';
import type { Db } from '../store/open-database.js';
import { exampleAttempts } from '../store/attempt-views.js';
import { cellCounts, goalCounts, goalMetadata, turnCounts } from '../store/run-queries.js';
import type { StoredRun } from '../store/run-store.js';

/** Report files written, by format. */
export type ReportPaths = { json?: string; html?: string };

/** Transcripts shown per cell in the HTML report. */
const EXAMPLES_PER_CELL = 3;

/** Builds a stored run's summary from SQL aggregates (k for pass@k = trials per cell). */
export function summarizeStoredRun(db: Db, run: StoredRun): RunSummary {
  const goals = goalCounts(db, run.id);
  const metadata = goalMetadata(db, run.id);
  const counterfactuals = goals.flatMap((g) => {
    const m = metadata.get(g.goalId);
    return m?.['attribute'] !== undefined && m['value'] !== undefined ? [{ ...g, attribute: m['attribute'], value: m['value'] }] : [];
  });
  const accuracy = scorerAccuracy((run.config as { scoring?: { calibration?: unknown } }).scoring?.calibration);
  return buildSummary({ run, cells: cellCounts(db, run.id), goals, k: run.trials, counterfactuals, turns: turnCounts(db, run.id), ...(accuracy === undefined ? {} : { accuracy }) });
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
export function writeReports(input: {
  db: Db;
  run: StoredRun;
  summary: RunSummary;
  dir: string;
  paths: { json?: string | false; html?: string | false };
}): ReportPaths {
  const out: ReportPaths = {};
  const { paths, run } = input;
  if (paths.json !== false) {
    out.json = paths.json ?? join(input.dir, `${run.id}.json`);
    write(out.json, renderJson(input.summary));
  }
  if (paths.html !== false) {
    out.html = paths.html ?? join(input.dir, `${run.id}.html`);
    write(out.html, renderHtml({ summary: input.summary, examples: exampleAttempts(input.db, { runId: run.id, perCell: EXAMPLES_PER_CELL }) }));
  }
  return out;
}
