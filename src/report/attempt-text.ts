import type { AttemptEvent } from '../core/event.js';
import type { ContentPart } from '../core/message.js';
import type { AttemptView } from '../core/run-store.js';
import { sanitizeTerminal } from './sanitize-terminal.js';

// Target and attacker text is printed with terminal escapes removed (terminal-injection payloads), line breaks kept.
const t = (text: string): string => text.split('\n').map(sanitizeTerminal).join('\n');

function partLines(part: ContentPart): string[] {
  switch (part.type) {
    case 'text':
      return [t(part.text)];
    case 'document':
      return [`--- planted document${part.name === undefined ? '' : ` (${t(part.name)})`}`, t(part.text)];
    case 'tool-call':
      return [`--- tool call ${t(part.name)} [${t(part.callId)}]`, t(part.arguments)];
    case 'tool-result':
      return [`--- tool result${part.name === undefined ? '' : ` ${t(part.name)}`} [${t(part.callId)}]${part.isError ? ' (error)' : ''}`, t(part.text)];
  }
}

function who(event: Extract<AttemptEvent, { type: 'message' }>): string {
  const tags = [event.source, event.node === undefined ? undefined : `node ${event.node}`, event.pruned ? 'pruned' : undefined].filter((x) => x !== undefined);
  // A fabricated assistant turn was sent to the target as its past, never said by it.
  const speaker = event.role === 'assistant' && event.source !== 'fabricated' ? 'target' : event.role;
  return `--- ${speaker}${tags.length === 0 ? '' : ` (${tags.map((x) => t(x)).join(', ')})`}`;
}

function eventLines(event: AttemptEvent): string[] {
  switch (event.type) {
    case 'message':
      return [who(event), ...event.parts.flatMap(partLines)];
    case 'conversion':
      return event.of === 'prompt'
        ? [`--- (before ${event.by === 'translation' ? `translation into ${t(event.chain)}` : `converters ${t(event.chain)}`})`, t(event.before)]
        : [`--- (as scored, ${event.by === 'translation' ? `translated into ${t(event.chain)}` : `decoded through ${t(event.chain)}`})`, t(event.after)];
    case 'target-call': {
      const facts = [
        event.ok ? 'answered' : `failed: ${t(event.error?.kind ?? 'error')}`,
        `${Math.round(event.latencyMs)} ms`,
        ...(event.retries > 0 ? [`${event.retries} ${event.retries === 1 ? 'retry' : 'retries'}`] : []),
        ...(event.usage ? [`${event.usage.promptTokens}+${event.usage.completionTokens} tokens`] : []),
        ...Object.entries(event.metadata ?? {}).map(([k, v]) => `${t(k)}: ${t(String(v))}`),
      ];
      return [`· ${event.model ?? 'target'} call: ${facts.join(', ')}`];
    }
    case 'score':
      return event.turn === undefined ? [] : [`· judged at turn ${event.turn}: ${event.score.verdict} (${t(event.score.label)})`];
    case 'error':
      return [];
  }
}

/**
 * An attempt as `redline attempt` prints it: goal, framing, every event in order (messages as sent with the text
 * before conversion, planted documents, tool calls, target calls), the scores and any human review.
 */
export function attemptText(view: AttemptView, runId: string): string {
  const lines = [
    `attempt ${view.seq} of ${runId}: ${view.outcome}${view.review ? ` (reviewed; machine said ${view.machineOutcome})` : ''}`,
    `goal ${t(view.goalId)} [${t(view.category)}, ${view.persona}]: ${t(view.goalText)}`,
    `technique ${t(view.technique)} · chain ${t(view.chainId)} · trial ${view.trial}`,
    ...(view.error ? [`error: ${t(view.error)}`] : []),
    '',
    ...reorder(view.events).flatMap(eventLines),
    '',
    // Final scores, in order; the one that decided the outcome is marked.
    ...view.events.flatMap((e) => (e.type === 'score' && e.turn === undefined
      ? [`score ${t(e.score.scorerId)}: ${e.score.verdict} (${t(e.score.label)}) — ${t(e.score.reason)}${e.deciding ? ' [decides the outcome]' : ''}`] : [])),
    ...(view.review ? [`review: ${view.review.verdict}${view.review.reviewer ? ` by ${t(view.review.reviewer)}` : ''}${view.review.note ? ` — ${t(view.review.note)}` : ''}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** Shows a prompt conversion after the message it produced (the sent text first, then what it was before). */
function reorder(events: readonly AttemptEvent[]): AttemptEvent[] {
  const out: AttemptEvent[] = [];
  let held: AttemptEvent[] = [];
  for (const event of events) {
    if (event.type === 'conversion' && event.of === 'prompt') {
      held.push(event);
      continue;
    }
    out.push(event);
    if (event.type === 'message') {
      out.push(...held);
      held = [];
    }
  }
  return [...out, ...held];
}
