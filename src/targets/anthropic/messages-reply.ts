import type { ContentPart } from '../../core/message.js';
import type { TargetResponse } from '../../core/target.js';
import { badResponseError, type FailureScope } from '../http-failure.js';
import { asRecord } from '../json-record.js';
import { cachedUsage, providerReply } from '../provider-reply.js';

/** Turns a parsed Anthropic Messages reply into a TargetResponse, or raises 'bad-response' saying what is missing. */
export function messagesReply(body: unknown, scope: FailureScope): TargetResponse {
  const root = asRecord(body);
  if (!root) throw badResponseError(scope, 'reply is not a JSON object');
  const content = root['content'];
  if (!Array.isArray(content)) throw badResponseError(scope, 'reply has no content list');
  const parts: ContentPart[] = [];
  for (const entry of content) {
    const block = asRecord(entry);
    if (block?.['type'] === 'text' && typeof block['text'] === 'string') parts.push({ type: 'text', text: block['text'] });
    else if (block?.['type'] === 'tool_use' && typeof block['name'] === 'string') {
      parts.push({
        type: 'tool-call', callId: typeof block['id'] === 'string' ? block['id'] : `call-${parts.length}`, name: block['name'],
        arguments: JSON.stringify(block['input'] ?? {}),
      });
    }
  }
  const stopReason = typeof root['stop_reason'] === 'string' ? root['stop_reason'] : undefined;
  const metadata: Record<string, string | number | boolean> = stopReason === undefined ? {} : { finishReason: stopReason };
  // Claude's safety classifiers end a reply with stop_reason 'refusal': the provider's filter acted, and it declined.
  if (stopReason === 'refusal') Object.assign(metadata, { refusal: true, contentFilter: true });
  return providerReply({ parts, usage: cachedUsage(root['usage'], { input: 'input_tokens', output: 'output_tokens', cached: ['cache_creation_input_tokens', 'cache_read_input_tokens'] }), metadata });
}
