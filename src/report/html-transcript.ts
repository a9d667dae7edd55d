import { attemptCommand, attemptNumber, type AttemptLinks } from './attempt-link.js';
import type { ToolCallPart, ToolResultPart } from '../core/message.js';
import type { ExampleAttempt } from './example-attempt.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';

type ShownTurn = ExampleAttempt['turns'][number];

/** A tool call or a tool result as a transcript shows it: a label line, then the arguments or the result. */
export function renderToolPart(part: ToolCallPart | ToolResultPart): SafeHtml {
  return part.type === 'tool-call'
    ? html`<div class="role">tool call <code>${part.name}</code> · <code>${part.callId}</code></div><pre>${part.arguments}</pre>`
    : html`<div class="role">tool result${part.name === undefined ? null : html` <code>${part.name}</code>`} · <code>${part.callId}</code>${part.isError === true ? ' (error)' : ''}</div><pre>${part.text}</pre>`;
}

/** The parts of a turn beyond its text: tool calls and results, and documents planted with it. */
function renderParts(turn: ShownTurn): SafeHtml[] {
  return (turn.parts ?? []).flatMap((part) =>
    part.type === 'document' ? [html`<div class="role">planted document${part.name === undefined ? null : html` · <code>${part.name}</code>`}</div><pre class="document">${part.text}</pre>`]
    : part.type === 'tool-call' || part.type === 'tool-result' ? [renderToolPart(part)]
    : []);
}

/** One turn; an attacker's or script's user turn is labelled as such, apart from the target's replies. */
function renderTurn(turn: ShownTurn): SafeHtml {
  // A fabricated past is sent to the target but was never said by it: an assistant turn is labelled so, not 'target'.
  const who = turn.source === 'fabricated' ? `fabricated ${turn.role} turn → target`
    : turn.role === 'user' && turn.source !== undefined ? `${turn.source} → target` : turn.role === 'assistant' ? 'target' : turn.role;
  return html`<div class="turn ${turn.role}${turn.source === 'attacker' ? ' attacker' : ''}"><div class="role">${who}${turn.node === undefined ? null : html` · <code>${turn.node}</code>`}</div><pre>${turn.content}</pre>${renderParts(turn)}${
    turn.original === undefined ? null : html`<div class="role">before conversion</div><pre>${turn.original}</pre>`}${
    turn.interpreted === undefined ? null : html`<div class="role">as read for scoring (decoded or translated back)</div><pre>${turn.interpreted}</pre>`}</div>`;
}

/** The turns in order, each run of pruned turns (abandoned branches) folded into one collapsed block. */
function renderTurns(turns: readonly ShownTurn[]): SafeHtml[] {
  const out: SafeHtml[] = [];
  for (let i = 0; i < turns.length; ) {
    if (!turns[i]!.pruned) {
      out.push(renderTurn(turns[i]!));
      i += 1;
      continue;
    }
    let j = i;
    while (j < turns.length && turns[j]!.pruned) j += 1;
    out.push(html`<details class="pruned"><summary>${j - i} pruned ${j - i === 1 ? 'turn' : 'turns'} (abandoned branch)</summary>${turns.slice(i, j).map(renderTurn)}</details>`);
    i = j;
  }
  return out;
}

/** A collapsible transcript of one attempt: its number, goal, turns, scores and error, every text escaped. */
export function renderTranscript(example: ExampleAttempt, links: AttemptLinks): SafeHtml {
  const seq = example.seq;
  return html`<details class="attempt"><summary>${seq === undefined ? null : html`${attemptNumber(seq, links)} · `}<span class="outcome-${example.outcome}">${example.outcome}</span> · goal <code>${example.goalId}</code> · chain <code>${example.chainId}</code> · trial ${example.trial}</summary>
${seq === undefined ? null : html`<p class="command">in full: <code>${attemptCommand(seq, links)}</code></p>`}
<p class="role">goal</p><p class="goal-text">${example.goalText}</p>
${renderTurns(example.turns)}
${example.error === undefined ? null : html`<p><strong>Error:</strong> ${example.error}</p>`}
${example.scores.length === 0 ? null : html`<ul class="scores">${example.scores.map((score) => html`<li><code>${score.scorerId}</code>: ${score.verdict} (${score.label}) — ${score.reason}</li>`)}</ul>`}
</details>`;
}

/** A group of transcripts folded under one summary line (`title` leads it); nothing when there are none. */
export function renderExampleGroup(examples: readonly ExampleAttempt[], options: { readonly links: AttemptLinks; readonly title?: SafeHtml }): SafeHtml | null {
  if (examples.length === 0) return null;
  const noun = examples.length === 1 ? 'transcript' : 'transcripts';
  return html`<details class="cell-examples"><summary>${options.title === undefined ? null : html`${options.title} — `}${examples.length} example ${noun}</summary>${examples.map((example) => renderTranscript(example, options.links))}</details>`;
}
