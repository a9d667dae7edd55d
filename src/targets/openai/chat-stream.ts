import type { TargetResponse } from '../../core/target.js';
import { TargetError } from '../../core/errors.js';
import { badResponseError, redactExcerpt, type FailureScope } from '../http-failure.js';
import { parseSseEvents, truncatedStreamError } from '../sse-events.js';
import { chatCompletionReply } from './chat-reply.js';

/** A tool call assembled from its deltas, by its index in the message. */
type ToolCallSoFar = { id?: string; name: string; arguments: string };

/**
 * Turns a streamed Chat Completions reply (`text/event-stream` of `chat.completion.chunk`s ending with `data: [DONE]`)
 * into a TargetResponse: content, refusal and tool-call deltas are joined, the finish reason, content-filter results
 * and the final chunk's usage kept. A stream without `[DONE]` broke off: a retryable network failure, not a reply.
 */
export function chatStreamReply(body: string, scope: FailureScope): TargetResponse {
  const stream = parseSseEvents(body);
  const doneAt = stream.events.findIndex((event) => event.data.trim() === '[DONE]');
  if (doneAt < 0) throw truncatedStreamError(scope, `no data: [DONE] after ${stream.events.length} events`);
  let content: string | null = null;
  let refusal: string | null = null;
  let finishReason: string | undefined;
  let usage: unknown;
  let filterResults: Record<string, unknown> | undefined;
  let promptFilters: unknown;
  const calls = new Map<number, ToolCallSoFar>();
  for (const event of stream.events.slice(0, doneAt)) {
    const chunk = parseChunk(event.data, scope);
    // A server that fails mid-stream says so in a chunk of its own; what it sent so far is not the answer.
    if (chunk['error'] !== undefined) {
      throw new TargetError(`target reported an error mid-stream: ${redactExcerpt(JSON.stringify(chunk['error']), scope.secrets)}`, {
        targetId: scope.targetId, kind: 'stream-error', retryable: true,
      });
    }
    if (chunk['usage'] !== undefined && chunk['usage'] !== null) usage = chunk['usage'];
    if (chunk['prompt_filter_results'] !== undefined) promptFilters = chunk['prompt_filter_results'];
    const choice = Array.isArray(chunk['choices']) ? record(chunk['choices'][0]) : undefined;
    if (choice === undefined) continue;
    if (typeof choice['finish_reason'] === 'string') finishReason = choice['finish_reason'];
    const results = record(choice['content_filter_results']);
    if (results) filterResults = { ...filterResults, ...results };
    const delta = record(choice['delta']);
    if (typeof delta?.['content'] === 'string') content = (content ?? '') + delta['content'];
    if (typeof delta?.['refusal'] === 'string') refusal = (refusal ?? '') + delta['refusal'];
    if (Array.isArray(delta?.['tool_calls'])) for (const entry of delta['tool_calls']) addToolCallDelta(calls, record(entry));
  }
  const toolCalls = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, call]) => ({ id: call.id ?? `call-${index}`, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  // The joined deltas make the reply a non-streamed call would have given; one reader handles both.
  const message = { role: 'assistant', content, ...(refusal === null ? {} : { refusal }), ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
  return chatCompletionReply(
    {
      choices: [{ index: 0, message, finish_reason: finishReason ?? null, ...(filterResults ? { content_filter_results: filterResults } : {}) }],
      ...(usage === undefined ? {} : { usage }),
      ...(promptFilters === undefined ? {} : { prompt_filter_results: promptFilters }),
    },
    scope,
  );
}

/** Adds one `delta.tool_calls[]` entry: the first carries id and name, later ones more of the arguments text. */
function addToolCallDelta(calls: Map<number, ToolCallSoFar>, entry: Record<string, unknown> | undefined): void {
  if (entry === undefined) return;
  const index = typeof entry['index'] === 'number' ? entry['index'] : calls.size;
  const call = calls.get(index) ?? { name: '', arguments: '' };
  const fn = record(entry['function']);
  if (typeof entry['id'] === 'string') call.id = entry['id'];
  if (typeof fn?.['name'] === 'string') call.name += fn['name'];
  if (typeof fn?.['arguments'] === 'string') call.arguments += fn['arguments'];
  calls.set(index, call);
}

function parseChunk(data: string, scope: FailureScope): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw badResponseError(scope, `stream event is not JSON (first bytes: ${data.slice(0, 80)})`);
  }
  const chunk = record(value);
  if (chunk === undefined) throw badResponseError(scope, 'stream event is not a JSON object');
  return chunk;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
