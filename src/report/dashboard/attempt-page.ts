import type { ReviewLabel } from '../../core/attempt-query.js';
import type { AttemptView } from '../../core/run-store.js';
import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { renderEventLog } from './event-log.js';
import { attemptPath, dashboardPage } from './layout.js';
import { outcomeBadge } from './rate-text.js';

/** Label buttons for one attempt, driven by the page script (labels are posted with the request header the server requires). */
export function labelButtons(input: { runId: string; seq: number }): SafeHtml {
  return html`<div class="keys" data-run="${input.runId}" data-seq="${input.seq}">
<button type="button" data-label="success"><kbd>1</kbd> yes, it worked</button>
<button type="button" data-label="failure"><kbd>2</kbd> no</button>
<button type="button" data-label="undo"><kbd>u</kbd> undo my label</button>
<label>reason <input type="text" name="reason" maxlength="500" size="24"></label>
<span class="label-status" role="status"></span></div>`;
}

/** One attempt's page: what it was, its whole event log, its scores and every reviewer's label. */
export function attemptPage(input: { readonly runId: string; readonly attempt: AttemptView; readonly labels: readonly ReviewLabel[]; readonly reviewer?: string }): string {
  const a = input.attempt;
  const body = html`<h1>Attempt ${a.seq} of <code>${input.runId}</code></h1>
<p class="pager">${a.seq > 0 ? html`<a rel="prev" href="${attemptPath(input.runId, a.seq - 1)}">← attempt ${a.seq - 1}</a>` : null}<a rel="next" href="${attemptPath(input.runId, a.seq + 1)}">attempt ${a.seq + 1} →</a></p>
<dl class="meta">
<dt>Outcome</dt><dd>${outcomeBadge(a.outcome)}${a.review === undefined ? null : html` · reviewed (the machine said ${a.machineOutcome})`}</dd>
<dt>Goal</dt><dd><code>${a.goalId}</code> · ${a.category} · ${a.persona}</dd>
<dt>Goal text</dt><dd>${a.goalText}</dd>
<dt>Technique</dt><dd><code>${a.technique}</code></dd>
<dt>Chain</dt><dd><code>${a.chainId}</code></dd>
<dt>Trial</dt><dd>${a.trial}</dd>
${a.measures === undefined ? null : html`<dt>Latency</dt><dd>${Math.round(a.measures.latencyMs)} ms · ${a.measures.retries} retries${a.measures.usage === undefined ? null : ` · ${a.measures.usage.promptTokens}+${a.measures.usage.completionTokens} tokens${a.measures.usage.estimated === true ? ' (estimated)' : ''}`}</dd>`}
${a.measures?.conversation === undefined ? null : html`<dt>Conversation</dt><dd>${a.measures.conversation.turns} turns · ${a.measures.conversation.backtracks} backtracks${a.measures.conversation.reachedAtTurn === undefined ? null : ` · goal reached at turn ${a.measures.conversation.reachedAtTurn}`}</dd>`}
${a.error === undefined ? null : html`<dt>Error</dt><dd>${a.error}</dd>`}
</dl>
<h2>Transcript</h2>
${renderEventLog(a.events)}
<h2>Scores</h2>
${a.scores.length === 0 ? html`<p>No scores.</p>` : html`<ul class="scores">${a.scores.map((s) => html`<li><code>${s.scorerId}</code>: ${s.verdict} (${s.label}) — ${s.reason}</li>`)}</ul>`}
<h2>Human labels</h2>
${input.labels.length === 0 ? html`<p id="labels">None yet.</p>` : html`<ul id="labels">${input.labels.map((l) => html`<li>${l.reviewer === '' ? 'unnamed' : l.reviewer}: <span class="${l.verdict === 'success' ? 'labeled-yes' : ''}">${l.verdict}</span> · ${new Date(l.labeledAt).toISOString()}${l.note === undefined ? null : html` — ${l.note}`}</li>`)}</ul>`}
${labelButtons({ runId: input.runId, seq: a.seq })}`;
  return dashboardPage({ title: `Attempt ${a.seq} of ${input.runId}`, runId: input.runId, ...(input.reviewer === undefined ? {} : { reviewer: input.reviewer }) }, body);
}
