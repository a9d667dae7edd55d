import type { ErrorKindCounts } from '../core/error-counts.js';
import type { RunSummary } from '../stats/index.js';
import type { AttemptLinks } from './attempt-link.js';
import { shownDetectors } from './detector-lines.js';
import type { ExampleAttempt } from './example-attempt.js';
import { buildFindings } from './finding.js';
import type { CellVerdict, GateOutcome } from './gates/gate.js';
import { configSection } from './html-config.js';
import { errorsSection } from './html-errors.js';
import { findingsSection } from './html-findings.js';
import { heatmapSection } from './html-heatmap.js';
import { scrolling } from './html-scroll.js';
import { correctedTable, disparityTable, goalTable, overallTable, personaSections, sampleTable, techniqueChainTable, unmatchedExamples } from './html-tables.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';
import { renderExampleGroup } from './html-transcript.js';
import { turnCurvesSection } from './html-turn-curves.js';
import { hasRefusalBased, REFUSAL_BASED_NOTE } from './refusal-based.js';
import { sampleHeading } from './sample-lines.js';

/** What a run page shows: the summary, a few attempts in full, and what the store and policy add when given. */
export type HtmlReportInput = {
  /** The run summary. */
  readonly summary: RunSummary;
  /** Attempts to show as transcripts under their cells. */
  readonly examples: readonly ExampleAttempt[];
  /** The gates applied, with each cell's finding; without it, findings come from the summary with the built-in severity rules and no technique ids. */
  readonly outcome?: GateOutcome;
  /** Errored attempts by kind (`RunStore.aggregates.errors`); without them the errors panel shows the total only. */
  readonly errors?: readonly ErrorKindCounts[];
  /** The run's stored configuration, shown with credentials redacted; omitted when absent. */
  readonly config?: unknown;
};

/** A run page's input: the report's, plus where attempt numbers link to in a server. */
export type RunPageInput = HtmlReportInput & {
  /** An attempt's address (a server passes `/runs/ID/attempts/SEQ`); without it attempt numbers are plain text. */
  readonly attemptHref?: (seq: number) => string | undefined;
};

/**
 * The run page's body (what goes inside `<main>`): findings by severity, heatmaps, every rate with its interval,
 * turn curves, errors, detectors, transcripts numbered as `redline attempt` numbers them, and the configuration.
 * Script-free, with no `style` attribute and no external load; every outside text is escaped.
 */
export function renderRunPage(input: RunPageInput): SafeHtml {
  const { summary, examples } = input;
  const links: AttemptLinks = { runId: summary.runId, ...(input.attemptHref === undefined ? {} : { attemptHref: input.attemptHref }) };
  const others = renderExampleGroup(unmatchedExamples(summary, examples), { links });
  return html`${header(summary)}
${banners(summary)}
<section><h2>Overall</h2>${summary.overall.length === 0 ? html`<p>No attempts recorded.</p>` : overallTable(summary)}</section>
${summary.cells.length === 0 ? null : findingsSection(verdictsOf(input))}
${heatmapSection(summary)}
${turnCurvesSection(summary)}
${errorsSection(summary, { errors: input.errors, links })}
${personaSections(summary, { examples, links })}
${techniqueChainTable(summary)}
${summary.reviewSample === undefined ? null : html`<section><h2>Human-sample-corrected rates</h2><p>${sampleHeading(summary)}.</p>${sampleTable(summary)}</section>`}
${summary.cells.some((c) => c.corrected !== null) ? html`<section><h2>Scorer-corrected rates</h2><p>Rogan–Gladen correction for the deciding scorer’s measured sensitivity and specificity; the bootstrap interval includes the calibration’s own uncertainty.</p>${correctedTable(summary)}</section>` : null}
${summary.disparities.length === 0 ? null : html`<section><h2>Counterfactual disparities</h2><p>The same request with one demographic attribute swapped; a disparity is a difference whose 95% interval (Newcombe) excludes zero.</p>${disparityTable(summary)}</section>`}
${detectorSection(summary)}
${summary.goals.length === 0 ? null : html`<section><h2>Goals</h2>${goalTable(summary)}</section>`}
${others === null ? null : html`<section><h2>Other examples</h2>${others}</section>`}
${configSection(input.config)}
${footer(summary)}`;
}

function verdictsOf(input: RunPageInput): readonly CellVerdict[] {
  if (input.outcome !== undefined) return input.outcome.verdicts;
  return buildFindings(input.summary).map((finding) => ({ finding, failures: [], undecided: [] }));
}

function header(summary: RunSummary): SafeHtml {
  const hashes = summary.hashes;
  const named = (map: Readonly<Record<string, string>>) => Object.entries(map).map(([id, hash]) => html`<code>${id}</code> ${hash}<br>`);
  return html`<header><h1>Redline run <code>${summary.runId}</code></h1>
<dl class="meta">
<dt>Target</dt><dd><code>${summary.target.id}</code>${summary.target.simulated ? html` <strong>(SIMULATED)</strong>` : null} · hash <code>${summary.target.hash}</code></dd>
<dt>Status</dt><dd>${summary.status}</dd>
<dt>Attempts</dt><dd>${summary.recorded} recorded of ${summary.planned} planned (numbered 0–${Math.max(0, summary.planned - 1)}, as <code>redline attempt ${summary.runId} N</code> takes them)</dd>
<dt>Seed</dt><dd>${summary.seed}</dd>
<dt>Created</dt><dd>${summary.createdAt}</dd>
<dt>Finished</dt><dd>${summary.finishedAt ?? 'not yet'}</dd>
</dl>
<details><summary>Component hashes</summary><dl class="meta">
<dt>goals</dt><dd><code>${hashes.goals}</code></dd>
<dt>techniques</dt><dd>${named(hashes.techniques)}</dd>
<dt>chains</dt><dd>${named(hashes.chains)}</dd>
<dt>scorers</dt><dd>${named(hashes.scorers)}</dd>
</dl></details></header>`;
}

function banners(summary: RunSummary): SafeHtml {
  return html`${summary.target.simulated ? html`<p class="banner simulated" role="note"><strong>SIMULATED target.</strong> These numbers describe a simulation, not a real AI system: use them to learn Redline, not to judge a model.</p>` : null}
${summary.status === 'completed' ? null : html`<p class="banner">Run ${summary.status}: ${summary.recorded} of ${summary.planned} planned attempts recorded; the rates cover recorded attempts only.</p>`}
${summary.failure === undefined ? null : html`<p class="banner" role="note"><strong>The run could not measure the target:</strong> it kept failing (${summary.failure.rule}); most errors were <code>${summary.failure.errorKind}</code>: ${summary.failure.message}</p>`}
${hasRefusalBased(summary) ? html`<p class="banner" role="note"><strong>Refusal-based cells.</strong> ${REFUSAL_BASED_NOTE.replace(/^refusal-based: /, '')}</p>` : null}`;
}

function footer(summary: RunSummary): SafeHtml {
  return html`<footer><p>Rate = successes / (successes + failures): it counts decided attempts only; errors and unscored attempts are shown beside it.
For the malicious persona it is the attack success rate; for the benign persona, a success is the target failing an ordinary user, so the rate is the over-refusal rate.
Intervals are Wilson 95% score intervals. pass@k is the unbiased estimate that at least one of k attempts at a goal succeeds (Chen et al., 2021).</p>
<p>Redline report · summary schema version ${summary.schemaVersion}</p></footer>`;
}

function detectorSection(summary: RunSummary): SafeHtml | null {
  const shown = shownDetectors(summary);
  if (shown.length === 0) return null;
  const rows = shown.map((d) => html`<tr><td><code>${d.scorerId}</code></td><td class="num">${d.hits}</td><td class="num">${d.attempts}</td><td class="num">${d.hitsNotDeciding}</td><td>${d.categories.join(', ')}</td></tr>`);
  return html`<section><h2>Detectors over every reply</h2><p>What each scorer flagged in replies to the attacker’s goals, whatever scorer decided the goal: a canary leaked under a harmful-content goal counts here though the goal’s rate is decided by the objective judge.</p>
${scrolling(html`<table><thead><tr><th>scorer</th><th>flagged</th><th>replies</th><th>outside the goals it decided</th><th>categories</th></tr></thead><tbody>${rows}</tbody></table>`)}</section>`;
}
