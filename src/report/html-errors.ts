import type { ErrorKindCounts } from '../core/error-counts.js';
import type { RunSummary } from '../stats/index.js';
import { attemptNumber, type AttemptLinks } from './attempt-link.js';
import { scrolling } from './html-scroll.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';

/** An error message longer than this is cut in the panel (the attempt shows it whole). */
const MESSAGE_CHARS = 240;

/** Attempts that ended in an error, by kind, with a few example attempts each; errors never count in a rate, so they are shown here. */
export function errorsSection(summary: RunSummary, options: { readonly errors: readonly ErrorKindCounts[] | undefined; readonly links: AttemptLinks }): SafeHtml {
  const total = summary.overall.reduce((n, row) => n + row.errors, 0);
  const share = summary.recorded === 0 ? '' : ` (${((total / summary.recorded) * 100).toFixed(1)}% of ${summary.recorded} recorded)`;
  if (total === 0 && (options.errors ?? []).length === 0) return html`<section><h2>Errors</h2><p>No attempt ended in an error.</p></section>`;
  const kinds = options.errors;
  return html`<section><h2>Errors</h2><p>${total} ${total === 1 ? 'attempt' : 'attempts'} ended in an error${share}: the target or the engine failed, so they count in no rate.</p>
${kinds === undefined ? null : scrolling(html`<table class="stack"><thead><tr><th>kind</th><th class="num">attempts</th><th>examples</th></tr></thead><tbody>
${kinds.map((kind) => html`<tr><td class="id lead"><code>${kind.kind}</code></td><td class="num" data-label="attempts">${kind.attempts}</td><td><ul class="examples">${kind.examples.map((e) => html`<li>${attemptNumber(e.seq, options.links)} · <code>${e.technique}</code>${e.chain === 'none' ? null : html` + <code>${e.chain}</code>`} · goal <code>${e.goalId}</code>: ${cut(e.message)}</li>`)}</ul>${kind.attempts > kind.examples.length ? html`<small>and ${kind.attempts - kind.examples.length} more</small>` : null}</td></tr>\n`)}</tbody></table>`)}</section>`;
}

function cut(message: string): string {
  const chars = [...message];
  return chars.length <= MESSAGE_CHARS ? message : `${chars.slice(0, MESSAGE_CHARS).join('')}…`;
}
