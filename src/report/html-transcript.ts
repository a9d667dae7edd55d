import type { ExampleAttempt } from './example-attempt.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';

/** A collapsible transcript of one attempt: goal, turns, scores and error, every text escaped. */
export function renderTranscript(example: ExampleAttempt): SafeHtml {
  return html`<details class="attempt"><summary><span class="outcome-${example.outcome}">${example.outcome}</span> · goal <code>${example.goalId}</code> · chain <code>${example.chainId}</code> · trial ${example.trial}</summary>
<p class="role">goal</p><p class="goal-text">${example.goalText}</p>
${example.turns.map((turn) => html`<div class="turn ${turn.role}"><div class="role">${turn.role}</div><pre>${turn.content}</pre>${
  turn.original === undefined ? null : html`<div class="role">before conversion</div><pre>${turn.original}</pre>`}${
  turn.interpreted === undefined ? null : html`<div class="role">as scored (translated back)</div><pre>${turn.interpreted}</pre>`}</div>`)}
${example.error === undefined ? null : html`<p><strong>Error:</strong> ${example.error}</p>`}
${example.scores.length === 0 ? null : html`<ul class="scores">${example.scores.map((score) => html`<li><code>${score.scorerId}</code>: ${score.verdict} (${score.label}) — ${score.reason}</li>`)}</ul>`}
</details>`;
}

/** A cell's transcripts folded under one summary line; nothing when there are none. */
export function renderExampleGroup(examples: readonly ExampleAttempt[]): SafeHtml | null {
  if (examples.length === 0) return null;
  const noun = examples.length === 1 ? 'transcript' : 'transcripts';
  return html`<details><summary>${examples.length} example ${noun}</summary>${examples.map(renderTranscript)}</details>`;
}
