import type { ContentPart } from '../../core/message.js';
import type { TargetMetadata, TargetResponse, Usage } from '../../core/target.js';
import { badResponseError, type FailureScope } from '../http-failure.js';

/** Turns a parsed Chat Completions reply into a TargetResponse, or raises 'bad-response' saying what is missing. */
export function chatCompletionReply(body: unknown, scope: FailureScope): TargetResponse {
  const root = asRecord(body);
  if (!root) throw badResponseError(scope, 'reply is not a JSON object');
  const choices = root['choices'];
  if (!Array.isArray(choices) || choices.length === 0) throw badResponseError(scope, 'reply has no choices');
  const choice = asRecord(choices[0]);
  const message = asRecord(choice?.['message']);
  const finishReason = typeof choice?.['finish_reason'] === 'string' ? choice['finish_reason'] : undefined;
  const content = message?.['content'];
  const refusal = message?.['refusal'];
  const calls = toolCalls(message);
  const metadata: Record<string, string | number | boolean> = finishReason ? { finishReason } : {};
  const filtered = filteredCategories(choice?.['content_filter_results'], root['prompt_filter_results']);
  if (finishReason === 'content_filter' || filtered.length > 0) metadata['contentFilter'] = filtered.length > 0 ? filtered.join(',') : true;
  let text: string;
  if (typeof content === 'string') text = content;
  else if (Array.isArray(content)) text = content.map((part) => (typeof asRecord(part)?.['text'] === 'string' ? (asRecord(part)!['text'] as string) : '')).join('');
  else if (typeof refusal === 'string') {
    text = refusal;
    metadata['refusal'] = true;
  } else if ((content === null || content === undefined) && (finishReason !== undefined || calls.length > 0)) {
    // A filtered empty answer, or a reply that only calls tools: the target answered, with no text.
    text = '';
  } else {
    throw badResponseError(scope, 'reply has no message text in choices[0].message.content');
  }
  const usage = usageOf(root['usage']);
  // A reply that calls tools is recorded as parts (its text first, then each call): never as an empty string.
  const parts: ContentPart[] | undefined = calls.length === 0 ? undefined : [...(text === '' ? [] : [{ type: 'text' as const, text }]), ...calls];
  return {
    text,
    ...(parts ? { parts } : {}),
    ...(usage ? { usage } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata: metadata as TargetMetadata } : {}),
  };
}

/** The tool calls of a message: `tool_calls` entries, or the legacy single `function_call`. */
function toolCalls(message: Record<string, unknown> | undefined): ContentPart[] {
  const calls: ContentPart[] = [];
  const list = message?.['tool_calls'];
  if (Array.isArray(list)) {
    list.forEach((entry, index) => {
      const call = asRecord(entry);
      const fn = asRecord(call?.['function']);
      if (typeof fn?.['name'] !== 'string') return;
      calls.push({
        type: 'tool-call', callId: typeof call?.['id'] === 'string' ? call['id'] : `call-${index}`, name: fn['name'],
        arguments: typeof fn['arguments'] === 'string' ? fn['arguments'] : JSON.stringify(fn['arguments'] ?? {}),
      });
    });
  }
  const legacy = asRecord(message?.['function_call']);
  if (calls.length === 0 && typeof legacy?.['name'] === 'string') {
    calls.push({ type: 'tool-call', callId: 'function-call', name: legacy['name'], arguments: typeof legacy['arguments'] === 'string' ? legacy['arguments'] : '' });
  }
  return calls;
}

/** Categories a content filter (Azure OpenAI's `content_filter_results` / `prompt_filter_results`) marked filtered. */
function filteredCategories(results: unknown, promptResults: unknown): string[] {
  const found = new Set<string>();
  const read = (value: unknown, prefix: string): void => {
    for (const [category, verdict] of Object.entries(asRecord(value) ?? {})) if (asRecord(verdict)?.['filtered'] === true) found.add(`${prefix}${category}`);
  };
  read(results, '');
  if (Array.isArray(promptResults)) for (const entry of promptResults) read(asRecord(entry)?.['content_filter_results'], 'prompt:');
  return [...found].sort();
}

/** Categories a prompt filter's `content_filter_result` (Azure's 400 reply) marked filtered, as `prompt:CATEGORY`. */
export function promptFilterCategories(result: unknown): string[] {
  return filteredCategories(undefined, [{ content_filter_results: result }]);
}

function usageOf(value: unknown): Usage | undefined {
  const usage = asRecord(value);
  const promptTokens = usage?.['prompt_tokens'];
  const completionTokens = usage?.['completion_tokens'];
  if (typeof promptTokens !== 'number' || typeof completionTokens !== 'number') return undefined;
  return { promptTokens, completionTokens };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
