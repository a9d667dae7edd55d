
import type { AttemptFilter, AttemptListItem } from '../core/attempt-query.js';
import { ConfigError } from '../core/errors.js';
import type { Outcome, Persona } from '../core/outcome.js';
import type { RunStore } from '../core/run-store.js';
import { csvTextField } from '../report/csv-report.js';
import {
  attemptPage, attemptsPage, CLIENT_SCRIPT, comparePage, DASHBOARD_CSS, reviewPage, runPage, runsPage,
} from '../report/dashboard/index.js';
import { reviewPanel } from '../report/dashboard/review-panel.js';
import { compareStoredRuns, runHistory } from './compare.js';
import { exportedAttempt } from './export-run.js';
import { jsonLine } from '../report/json-report.js';
import { listRuns } from './list-runs.js';
import { pairedComparison } from './paired-compare.js';
import { REPORT_CSS } from '../report/html-styles.js';
import { runPageInput, summarizeStoredRun } from './reports.js';
import type { RunDataCache } from './summary-cache.js';
import { reviewStatus } from './review-status.js';
import { layerAblation } from './layer-ablation.js';

/** Attempts per page of the attempts list. */
export const ATTEMPTS_PER_PAGE = 50;

/** Attempts of a filter a review queue holds at most. */
const FILTER_QUEUE = 500;

const OUTCOMES: readonly Outcome[] = ['success', 'failure', 'error', 'unscored'];
const PERSONA_VALUES: readonly Persona[] = ['malicious', 'benign'];

/** Who is asking, for pages (the reviewer name labels default to), and what the server keeps between requests. */
export type DashboardViewer = { readonly reviewer?: string; readonly cache?: RunDataCache };

function bad(path: string, message: string, hint: string): ConfigError {
  return new ConfigError(message, { file: '<request>', path, hint });
}

function whole(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,12}$/.test(raw)) throw bad(name, `${name} must be a whole number, not '${raw.slice(0, 40)}'`, `e.g. ${name}=100`);
  return Number(raw);
}

/** The filter a query string describes, and the pairs that rebuild it in links; a malformed value is a ConfigError. */
export function attemptFilterOf(params: URLSearchParams): { filter: AttemptFilter; carry: [string, string][] } {
  const filter: { -readonly [K in keyof AttemptFilter]: AttemptFilter[K] } = {};
  const carry: [string, string][] = [];
  const text = (name: 'technique' | 'chain' | 'category' | 'decidedBy' | 'errorKind') => {
    const value = params.get(name);
    if (value !== null && value !== '') {
      filter[name] = value;
      carry.push([name, value]);
    }
  };
  for (const name of ['technique', 'chain', 'category', 'decidedBy', 'errorKind'] as const) text(name);
  const persona = params.get('persona');
  if (persona !== null && persona !== '') {
    if (!PERSONA_VALUES.includes(persona as Persona)) throw bad('persona', `persona must be malicious or benign, not '${persona.slice(0, 40)}'`, 'persona=malicious');
    filter.persona = persona as Persona;
    carry.push(['persona', persona]);
  }
  const outcome = params.get('outcome');
  if (outcome !== null && outcome !== '') {
    if (!OUTCOMES.includes(outcome as Outcome)) throw bad('outcome', `outcome must be one of ${OUTCOMES.join(', ')}, not '${outcome.slice(0, 40)}'`, 'outcome=success');
    filter.outcome = outcome as Outcome;
    carry.push(['outcome', outcome]);
  }
  const reviewed = params.get('reviewed');
  if (reviewed === 'yes' || reviewed === 'no') {
    filter.reviewed = reviewed === 'yes';
    carry.push(['reviewed', reviewed]);
  } else if (reviewed !== null && reviewed !== '') throw bad('reviewed', `reviewed must be yes or no, not '${reviewed.slice(0, 40)}'`, 'reviewed=no');
  const min = whole(params, 'minLatency');
  const max = whole(params, 'maxLatency');
  if (min !== undefined) {
    filter.minLatencyMs = min;
    carry.push(['minLatency', String(min)]);
  }
  if (max !== undefined) {
    filter.maxLatencyMs = max;
    carry.push(['maxLatency', String(max)]);
  }
  const q = params.get('q');
  if (q !== null && q.trim() !== '') {
    filter.text = q.slice(0, 500);
    carry.push(['q', filter.text]);
  }
  return { filter, carry };
}

/**
 * Computes the newest run's page data in the background, so the first look at it after `redline serve` starts
 * (a million-attempt run's statistics take seconds) finds it ready. Failures are left for the request to report.
 */
export async function warmDashboard(store: RunStore, cache: RunDataCache): Promise<void> {
  const [newest] = await store.runs.list();
  if (newest !== undefined) await cache.runPage(store, newest).catch(() => undefined);
}

/** The runs page. */
export async function dashboardRunsPage(store: RunStore, input: DashboardViewer & { readonly now: number }): Promise<string> {
  const rows = await listRuns(store, { now: input.now });
  return runsPage({ rows, location: store.location, ...viewer(input) });
}

const viewer = (input: DashboardViewer) => (input.reviewer === undefined ? {} : { reviewer: input.reviewer });

/** A run's page: the report's run page with review status and links; a StoreError for an unknown run. */
export async function dashboardRunPage(store: RunStore, input: DashboardViewer & { readonly runId: string }): Promise<string> {
  const run = await store.runs.require(input.runId);
  const report = input.cache === undefined ? await runPageInput({ store, run, summary: await summarizeStoredRun(store, run) }) : await input.cache.runPage(store, run);
  const earlier = (await store.runs.list()).filter((r) => r.hashes.target === run.hashes.target && r.createdAt < run.createdAt);
  const previous = earlier[0];
  // A run whose guarded target observed carries every layer's decision: its ablation goes on its page.
  const target = (run.config as { target?: { type?: string; mode?: string } }).target;
  const ablation = target?.type === 'guarded' && (target.mode === 'observe' || target.mode === 'observe-blocks') ? await layerAblation(store, run.id) : undefined;
  return runPage({ report, ...(ablation === undefined ? {} : { ablation }), status: await reviewStatus(store, run.id), ...(previous === undefined ? {} : { previousRunId: previous.id }), ...viewer(input) });
}

/** One keyset page of a run's attempts under a filter, plus whether more come before and after. */
async function attemptWindow(store: RunStore, input: { runId: string; filter: AttemptFilter; params: URLSearchParams }): Promise<{ items: AttemptListItem[]; hasNext: boolean; hasPrevious: boolean }> {
  const after = whole(input.params, 'after');
  const before = whole(input.params, 'before');
  const page = await store.attempts.query({ runId: input.runId, filter: input.filter, limit: ATTEMPTS_PER_PAGE + 1, ...(before !== undefined ? { beforeSeq: before } : { afterSeq: after ?? -1 }) });
  if (before !== undefined) {
    const more = page.length > ATTEMPTS_PER_PAGE;
    return { items: more ? page.slice(1) : page, hasPrevious: more, hasNext: true };
  }
  const more = page.length > ATTEMPTS_PER_PAGE;
  return { items: more ? page.slice(0, ATTEMPTS_PER_PAGE) : page, hasNext: more, hasPrevious: after !== undefined };
}

/** The attempts page of a run. */
export async function dashboardAttemptsPage(store: RunStore, input: DashboardViewer & { readonly runId: string; readonly params: URLSearchParams }): Promise<string> {
  await store.runs.require(input.runId);
  const { filter, carry } = attemptFilterOf(input.params);
  const window = await attemptWindow(store, { runId: input.runId, filter, params: input.params });
  return attemptsPage({ runId: input.runId, filter, query: carry, ...window, facets: await (input.cache === undefined ? store.attempts.facets(input.runId) : input.cache.facets(store, input.runId)), ...viewer(input) });
}

/** One attempt's page; undefined when the run has no such attempt. */
export async function dashboardAttemptPage(store: RunStore, input: DashboardViewer & { readonly runId: string; readonly seq: number }): Promise<string | undefined> {
  await store.runs.require(input.runId);
  const attempt = await store.attempts.get({ runId: input.runId, seq: input.seq });
  if (attempt === undefined) return undefined;
  const labels = (await store.reviews.labels(input.runId)).filter((l) => l.seq === input.seq);
  return attemptPage({ runId: input.runId, attempt, labels, ...viewer(input) });
}

/** The review queue: the run's review sample in drawing order, or (with filter parameters) the filter's attempts. */
export async function dashboardReviewPage(store: RunStore, input: DashboardViewer & { readonly runId: string; readonly params: URLSearchParams }): Promise<string> {
  await store.runs.require(input.runId);
  const { filter, carry } = attemptFilterOf(input.params);
  const fromFilter = carry.length > 0;
  const queue = fromFilter
    ? (await store.attempts.query({ runId: input.runId, filter, limit: FILTER_QUEUE })).map((a) => a.seq)
    : (await store.reviews.sample(input.runId)).map((item) => item.seq);
  const index = Math.min(whole(input.params, 'i') ?? 0, Math.max(0, queue.length - 1));
  const seq = queue[index];
  const attempt = seq === undefined ? undefined : await store.attempts.get({ runId: input.runId, seq });
  const labels = seq === undefined ? [] : (await store.reviews.labels(input.runId)).filter((l) => l.seq === seq && l.reviewer === (input.reviewer ?? ''));
  const params = new URLSearchParams(carry);
  return reviewPage({
    runId: input.runId, source: fromFilter ? 'filter' : 'sample', queue, index, carry: params.size === 0 ? '' : `?${params.toString()}`,
    status: await reviewStatus(store, input.runId),
    ...(attempt === undefined ? {} : { attempt }), ...(labels[0] === undefined ? {} : { mine: labels[0].verdict }), ...viewer(input),
  });
}

/** Labels an attempt for a reviewer and answers with the refreshed review panel (corrected rates, agreement). */
export async function dashboardLabel(store: RunStore, input: { runId: string; seq: number; reviewer: string; verdict: 'success' | 'failure'; note?: string; now: number }): Promise<{ panel: string }> {
  await store.runs.require(input.runId);
  await store.reviews.label({ runId: input.runId, seq: input.seq, reviewer: input.reviewer, verdict: input.verdict, at: input.now, ...(input.note === undefined ? {} : { note: input.note }) });
  return { panel: reviewPanel(await reviewStatus(store, input.runId)).markup };
}

/** Takes back a reviewer's label and answers with the refreshed review panel. */
export async function dashboardUnlabel(store: RunStore, input: { runId: string; seq: number; reviewer: string }): Promise<{ removed: boolean; panel: string }> {
  await store.runs.require(input.runId);
  const removed = await store.reviews.unlabel(input);
  return { removed, panel: reviewPanel(await reviewStatus(store, input.runId)).markup };
}

/** A run's progress, for the live runs page. */
export async function dashboardProgress(store: RunStore, runId: string): Promise<{ recorded: number; planned: number; status: string }> {
  const run = await store.runs.require(runId);
  return { recorded: await store.attempts.count(runId), planned: run.planned, status: run.status };
}

/** The compare page; with both ids, the cell comparison, the paired test and the target's trend. */
export async function dashboardComparePage(store: RunStore, input: DashboardViewer & { readonly a?: string; readonly b?: string }): Promise<string> {
  const runs = await store.runs.list();
  const listed = runs.map((r) => ({ id: r.id, targetId: r.targetId, createdAt: r.createdAt }));
  const a = input.a ?? runs[1]?.id;
  const b = input.b ?? runs[0]?.id;
  if (a === undefined || b === undefined || runs.length < 2) return comparePage({ runs: listed, ...viewer(input) });
  const comparison = await compareStoredRuns(store, { runA: a, runB: b });
  const paired = await pairedComparison(store, { runA: a, runB: b });
  const target = (await store.runs.require(b)).hashes.target;
  const [history] = await runHistory(store, { target });
  const trend = history === undefined ? undefined : { runs: history.runs.map((r) => r.id), cells: history.cells };
  return comparePage({ runs: listed, a, b, comparison, paired, ...(trend === undefined ? {} : { trend }), ...viewer(input) });
}

const CSV_COLUMNS = ['run_id', 'seq', 'outcome', 'machine_outcome', 'review', 'technique', 'chain', 'category', 'persona', 'goal', 'trial', 'decided_by', 'error_kind', 'latency_ms', 'prompt', 'reply'];

/**
 * The filtered attempts of a run as export lines: JSONL (the `redline export` format, whole attempts) or CSV (one row
 * per attempt, prompt and reply cut short, formula-like text defused); read a page at a time, in bounded memory.
 */
export async function* exportFilteredAttempts(store: RunStore, input: { runId: string; params: URLSearchParams; format: 'jsonl' | 'csv' }): AsyncGenerator<string> {
  await store.runs.require(input.runId);
  const { filter } = attemptFilterOf(input.params);
  if (input.format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`;
  let after = -1;
  for (;;) {
    const page = await store.attempts.query({ runId: input.runId, filter, afterSeq: after, limit: 500 });
    for (const item of page) {
      if (input.format === 'csv') {
        yield `${[input.runId, item.seq, item.outcome, item.machineOutcome, item.review ?? '', item.technique, item.chain, item.category, item.persona, item.goalId, item.trial,
          item.decidedBy ?? '', item.errorKind ?? '', Math.round(item.latencyMs), item.prompt, item.reply].map((v) => csvTextField(String(v))).join(',')}\n`;
      } else {
        const view = await store.attempts.get({ runId: input.runId, seq: item.seq });
        if (view !== undefined) yield jsonLine(exportedAttempt(input.runId, view));
      }
    }
    if (page.length < 500) return;
    after = page.at(-1)!.seq;
  }
}

/** The dashboard's stylesheet and script, as served. */
export function dashboardAssets(): { css: string; js: string } {
  return { css: `${REPORT_CSS}\n${DASHBOARD_CSS}`, js: CLIENT_SCRIPT };
}


