import type { HtmlReportInput } from '../html-report.js';
import { html } from '../html-template.js';
import { renderRunPage } from '../run-page.js';
import { attemptPath, dashboardPage, runPath } from './layout.js';
import { reviewPanel, type ReviewPanelInput } from './review-panel.js';
import { ablationSection, type AblationInput } from './ablation-section.js';

/** The run page: the same page as the HTML report, its attempt numbers linked, with review status and links onward. */
export function runPage(input: { readonly report: HtmlReportInput; readonly status: ReviewPanelInput; readonly previousRunId?: string; readonly reviewer?: string; readonly ablation?: AblationInput }): string {
  const id = input.report.summary.runId;
  const body = html`<p class="pager"><a href="${runPath(id)}/attempts">All attempts</a><a href="${runPath(id)}/attempts?outcome=success">Successes</a><a href="${runPath(id)}/attempts?outcome=error">Errors</a><a href="${runPath(id)}/review">Review queue</a>${
    input.previousRunId === undefined ? null : html`<a href="/compare?a=${encodeURIComponent(input.previousRunId)}&amp;b=${encodeURIComponent(id)}">Compare with the previous run of this target</a>`}</p>
${input.status.labeled > 0 || input.status.sample !== undefined ? reviewPanel(input.status) : null}
${input.ablation === undefined ? null : ablationSection(input.ablation)}
${renderRunPage({ ...input.report, attemptHref: (seq) => attemptPath(id, seq) })}`;
  return dashboardPage({ title: `Run ${id}`, runId: id, ...(input.reviewer === undefined ? {} : { reviewer: input.reviewer }) }, body);
}
