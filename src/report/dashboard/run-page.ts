import type { RunSummary } from '../../stats/summary.js';
import type { ExampleAttempt } from '../example-attempt.js';
import { renderHtml } from '../html-report.js';
import { SafeHtml, html } from '../html-template.js';
import { attemptPath, dashboardPage, runPath } from './layout.js';
import { reviewPanel, type ReviewPanelInput } from './review-panel.js';

/** The report's run page body (inside <main>), for the dashboard to frame. */
function reportBody(input: { summary: RunSummary; examples: readonly ExampleAttempt[] }): SafeHtml {
  const document = renderHtml(input);
  return new SafeHtml(document.slice(document.indexOf('<main>') + '<main>'.length, document.lastIndexOf('</main>')));
}

/** The run page: the same page as the HTML report, with links into attempts, review and comparison. */
export function runPage(input: { readonly summary: RunSummary; readonly examples: readonly ExampleAttempt[]; readonly status: ReviewPanelInput; readonly previousRunId?: string; readonly reviewer?: string }): string {
  const id = input.summary.runId;
  const body = html`<p class="pager"><a href="${runPath(id)}/attempts">All attempts</a><a href="${runPath(id)}/attempts?outcome=success">Successes</a><a href="${runPath(id)}/attempts?outcome=error">Errors</a><a href="${runPath(id)}/review">Review queue</a>${
    input.previousRunId === undefined ? null : html`<a href="/compare?a=${encodeURIComponent(input.previousRunId)}&amp;b=${encodeURIComponent(id)}">Compare with the previous run of this target</a>`}</p>
${input.status.labeled > 0 || input.status.sample !== undefined ? reviewPanel(input.status) : null}
${reportBody(input)}`;
  void attemptPath;
  return dashboardPage({ title: `Run ${id}`, runId: id, ...(input.reviewer === undefined ? {} : { reviewer: input.reviewer }) }, body);
}
