import type { AttemptEvent, MessageEvent } from '../core/event.js';
import type { ContentPart } from '../core/message.js';
import type { AttemptView } from '../core/run-store.js';
import { mlMeasuresLine } from './ml-measures.js';
import { sanitizeTerminal } from './sanitize-terminal.js';

// Target and attacker text is printed with terminal escapes removed (terminal-injection payloads), line breaks kept.
const t = (text: string): string => text.split('\n').map(sanitizeTerminal).join('\n');

/** Marks every line of a turn from an abandoned branch, so a long pruned reply never reads as part of the conversation. */
const PRUNED_MARK = '✂ ';

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

/** A target reply: said by the target (a fabricated assistant turn was sent to it as its past, never said by it). */
const fromTarget = (event: MessageEvent): boolean => event.role === 'assistant' && event.source !== 'fabricated';

function heading(event: MessageEvent, turn: number): string {
  const tags = [event.source, event.node === undefined ? undefined : `branch ${event.node}`].filter((x) => x !== undefined);
  const speaker = fromTarget(event) ? 'target' : event.role;
  const pruned = event.pruned ? ` ${PRUNED_MARK}pruned: an abandoned branch, not part of the final conversation` : '';
  return `── turn ${turn} · ${speaker}${tags.length === 0 ? '' : ` (${tags.map((x) => t(x)).join(', ')})`}${pruned}`;
}

function messageLines(event: MessageEvent, turn: number): string[] {
  const body = event.parts.flatMap(partLines).flatMap((text) => text.split('\n'));
  return [heading(event, turn), ...(event.pruned ? body.map((line) => `${PRUNED_MARK}${line}`) : body)];
}

function eventLines(event: Exclude<AttemptEvent, MessageEvent>): string[] {
  switch (event.type) {
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
      // Final scores are listed after the log; here only the judgements made during the conversation.
      return event.turn === undefined ? [] : [`· judged at turn ${event.turn} by ${t(event.score.scorerId)}: ${event.score.verdict} (${t(event.score.label)})`];
    case 'error':
      return [`! error ${t(event.kind)}: ${t(event.message)}`];
    case 'layer':
      return [`· layer ${t(event.layer)} (${event.stage}): ${event.decision}${event.score === undefined ? '' : ` ${Number(event.score.toPrecision(3))}`} — ${t(event.reason)}`];
    case 'ml':
      return [`· ${t(mlMeasuresLine(event))}`];
  }
}

/**
 * The log with each message numbered by the request to the target it belongs to: turn N is the N-th request sent
 * to the target (pruned ones included, as "judged at turn N" counts them). A user, tool or fabricated message carries
 * the number of the request it goes out in; a target reply the number of the request it answers. A log without
 * target-call events (an attempt stored before they were recorded) is numbered by its exchanges instead.
 */
function logLines(events: readonly AttemptEvent[]): string[] {
  const byCalls = events.some((e) => e.type === 'target-call' && e.model === undefined);
  let calls = 0;
  let exchanges = 0;
  let lastWasReply = true;
  // Between a pruned message and the reply that ends its exchange, conversions and calls belong to the pruned branch too.
  let inPruned = false;
  const lines: string[] = [];
  for (const event of events) {
    if (event.type !== 'message') {
      if (event.type === 'target-call' && event.model === undefined) calls += 1;
      lines.push(...eventLines(event).flatMap((text) => text.split('\n')).map((line) => (inPruned ? `${PRUNED_MARK}${line}` : line)));
      continue;
    }
    const reply = fromTarget(event);
    if (!reply && lastWasReply) exchanges += 1;
    lastWasReply = reply;
    inPruned = event.pruned === true && !reply;
    const turn = byCalls ? (reply ? calls : calls + 1) : Math.max(exchanges, 1);
    lines.push(...messageLines(event, turn));
  }
  return lines;
}

// One line on a conversation's shape, for attempts with more than one request or with branches.
function conversationLine(events: readonly AttemptEvent[]): string[] {
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const requests = events.filter((e) => e.type === 'target-call' && e.model === undefined).length;
  const branches = [...new Set(messages.flatMap((m) => (m.node === undefined ? [] : [m.node])))];
  if (requests <= 1 && branches.length === 0) return [];
  const pruned = messages.filter((m) => m.pruned && fromTarget(m)).length;
  const prunedText = pruned === 0 ? '' : `, ${pruned} of them pruned (marked ${PRUNED_MARK.trim()})`;
  const branchText = branches.length === 0 ? '' : `; branches ${branches.map(t).join(', ')}`;
  return [`conversation: ${requests} request${requests === 1 ? '' : 's'} to the target${prunedText}${branchText}`];
}

/**
 * An attempt as `redline attempt` prints it: goal, framing, then every event in order under numbered turns (messages
 * as sent with the text before conversion, planted documents, tool calls, target and attacker calls, judgements during
 * the conversation, errors; turns of abandoned branches marked pruned), the final scores and any human review.
 */
export function attemptText(view: AttemptView, runId: string, options: { blind?: boolean } = {}): string {
  // Blind (a review sample): no outcome, score or earlier review, so the person's label is their own reading.
  const events = options.blind === true ? view.events.filter((e) => e.type !== 'score').map(blindCall) : view.events;
  const lines = [
    options.blind === true ? `attempt ${view.seq} of ${runId}` : `attempt ${view.seq} of ${runId}: ${view.outcome}${view.review ? ` (reviewed; machine said ${view.machineOutcome})` : ''}`,
    `goal ${t(view.goalId)} [${t(view.category)}, ${view.persona}]: ${t(view.goalText)}`,
    `technique ${t(view.technique)} · chain ${t(view.chainId)} · trial ${view.trial}`,
    ...conversationLine(events),
    ...(view.error ? [`error: ${t(view.error)}`] : []),
    '',
    ...logLines(reorder(events)),
    ...(options.blind === true ? [] : [
      '',
      // Final scores, in order; the one that decided the outcome is marked.
      ...events.flatMap((e) => (e.type === 'score' && e.turn === undefined
        ? [`score ${t(e.score.scorerId)}: ${e.score.verdict} (${t(e.score.label)}) — ${t(e.score.reason)}${e.deciding ? ' [decides the outcome]' : ''}`] : [])),
      ...(view.review ? [`review: ${view.review.verdict}${view.review.reviewer ? ` by ${t(view.review.reviewer)}` : ''}${view.review.note ? ` — ${t(view.review.note)}` : ''}`] : []),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/** Target-reported facts a reviewer may see blind: what the reply was, never a simulator's own verdict (the demo's branch). */
const REPLY_FACTS: ReadonlySet<string> = new Set(['finishReason', 'refusal', 'contentFilter']);

/** A target call as a blind reviewer sees it: its metadata kept to the facts about the reply. */
function blindCall(event: AttemptEvent): AttemptEvent {
  if (event.type !== 'target-call' || event.metadata === undefined) return event;
  const kept = Object.entries(event.metadata).filter(([key]) => REPLY_FACTS.has(key));
  const { metadata: _all, ...rest } = event;
  return kept.length === 0 ? rest : { ...rest, metadata: Object.fromEntries(kept) };
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
