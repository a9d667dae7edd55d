import type { TargetResponse, Usage } from '../../core/target.js';
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
  const metadata: Record<string, string | boolean> = finishReason ? { finishReason } : {};
  let text: string;
  if (typeof content === 'string') text = content;
  else if (typeof refusal === 'string') {
    text = refusal;
    metadata['refusal'] = true;
  } else if ((content === null || content === undefined) && finishReason) {
    // e.g. finish_reason 'content_filter' with null content: the target answered, with nothing.
    text = '';
  } else {
    throw badResponseError(scope, 'reply has no message text in choices[0].message.content');
  }
  const usage = usageOf(root['usage']);
  return {
    text,
    ...(usage ? { usage } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  };
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
