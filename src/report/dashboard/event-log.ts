import type { AttemptEvent, MessageEvent } from '../../core/event.js';
import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { renderToolPart } from '../html-transcript.js';
import { mlMeasuresLine } from '../ml-measures.js';

function partsOf(event: MessageEvent): SafeHtml[] {
  return event.parts.map((part) =>
    part.type === 'text' ? html`<pre>${part.text}</pre>`
    : part.type === 'document' ? html`<div class="role">planted document${part.name === undefined ? null : html` · <code>${part.name}</code>`}${part.channel === undefined ? null : html` · ${part.channel}`}</div><pre class="document">${part.text}</pre>`
    : renderToolPart(part));
}

function who(event: MessageEvent): string {
  if (event.source === 'fabricated') return `fabricated ${event.role} turn → target`;
  if (event.role === 'user') return `${event.source ?? 'user'} → target`;
  return event.role === 'assistant' ? 'target' : event.role;
}

/** One event of the log, readable: who said what, what was converted, each call, each score with its reason. */
function renderEvent(event: AttemptEvent, options: { blind: boolean }): SafeHtml | null {
  switch (event.type) {
    case 'message':
      return html`<div class="event message ${event.role}"><div class="role">${who(event)}${event.node === undefined ? null : html` · node <code>${event.node}</code>`}</div>${partsOf(event)}</div>`;
    case 'conversion':
      return html`<div class="event conversion"><div class="role">${event.of === 'prompt' ? 'prompt before' : 'reply as read for scoring'} · ${event.by} <code>${event.chain}</code></div><details><summary>original and converted text</summary><div class="role">before</div><pre>${event.before}</pre><div class="role">after</div><pre>${event.after}</pre></details></div>`;
    case 'target-call':
      return html`<div class="event call"><div class="role">${event.model === undefined ? 'target call' : `${event.model} call`} · ${event.ok ? 'ok' : 'failed'} · ${Math.round(event.latencyMs)} ms${event.retries > 0 ? ` · ${event.retries} retries` : ''}${
        event.usage === undefined ? null : ` · ${event.usage.promptTokens}+${event.usage.completionTokens} tokens`}${
        event.metadata?.finishReason === undefined ? null : html` · finish <code>${event.metadata.finishReason}</code>`}${
        event.metadata?.contentFilter === undefined ? null : html` · content filter <code>${String(event.metadata.contentFilter)}</code>`}</div>${
        event.error === undefined ? null : html`<pre>${event.error.kind}: ${event.error.message}</pre>`}</div>`;
    case 'score':
      if (options.blind) return null;
      return html`<div class="event score${event.deciding ? ' deciding' : ''}"><div class="role">score${event.turn === undefined ? '' : ` at turn ${event.turn}`} · <code>${event.score.scorerId}</code>${event.deciding ? ' · deciding' : ''}</div><p>${event.score.verdict} (${event.score.label})${event.score.value === undefined ? null : ` · ${Number(event.score.value.toPrecision(3))}`} — ${event.score.reason}</p></div>`;
    case 'error':
      return html`<div class="event error"><div class="role">error · <code>${event.kind}</code></div><pre>${event.message}</pre></div>`;
    case 'layer':
      return html`<div class="event layer ${event.decision}"><div class="role">layer <code>${event.layer}</code> · ${event.stage} · <strong>${event.decision}</strong>${event.score === undefined ? null : ` · ${Number(event.score.toPrecision(3))}`} · ${Math.round(event.latencyMs * 10) / 10} ms</div><p>${event.reason}${event.categories === undefined ? null : ` (${event.categories.join(', ')})`}</p></div>`;
    case 'ml':
      return html`<div class="event ml"><div class="role">classic ML · ${event.kind}</div><p>${mlMeasuresLine(event)}</p></div>`;
  }
}

/**
 * The event log as a transcript, in order; each abandoned branch (pruned turns, by tree node) folded under its node,
 * so the tree of a TAP or backtracking attempt reads as the path taken plus the branches cut. Blind hides scores.
 */
export function renderEventLog(events: readonly AttemptEvent[], options: { blind?: boolean } = {}): SafeHtml[] {
  const blind = options.blind === true;
  const out: SafeHtml[] = [];
  for (let i = 0; i < events.length; ) {
    const event = events[i]!;
    if (event.type === 'message' && event.pruned === true) {
      let j = i;
      while (j < events.length && (events[j]!.type !== 'message' || (events[j] as MessageEvent).pruned === true) && !(events[j]!.type === 'score' && (events[j] as { turn?: number }).turn === undefined)) j += 1;
      const branch = events.slice(i, j);
      const node = event.node;
      out.push(html`<details class="pruned"><summary>✂ pruned branch${node === undefined ? null : html` <code>${node}</code>`} · ${branch.filter((e) => e.type === 'message').length} turns</summary>${branch.map((e) => renderEvent(e, { blind }))}</details>`);
      i = j;
      continue;
    }
    const shown = renderEvent(event, { blind });
    if (shown !== null) out.push(shown);
    i += 1;
  }
  return out;
}
