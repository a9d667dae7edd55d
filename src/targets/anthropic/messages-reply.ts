import type { ContentPart } from '../../core/message.js';
import type { TargetMetadata, TargetResponse, Usage } from '../../core/target.js';
import { badResponseError, type FailureScope } from '../http-failure.js';
import { asRecord } from '../json-record.js';

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
  const text = parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
  const stopReason = typeof root['stop_reason'] === 'string' ? root['stop_reason'] : undefined;
  const metadata: Record<string, string | number | boolean> = stopReason === undefined ? {} : { finishReason: stopReason };
  // Claude's safety classifiers end a reply with stop_reason 'refusal': the provider's filter acted, and it declined.
  if (stopReason === 'refusal') Object.assign(metadata, { refusal: true, contentFilter: true });
  const usage = usageOf(root['usage']);
  return {
    text,
    // A reply that calls tools is recorded as parts (its text first, then each call): never as an empty string.
    ...(parts.some((part) => part.type !== 'text') ? { parts } : {}),
    ...(usage ? { usage } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata: metadata as TargetMetadata } : {}),
  };
}

function usageOf(value: unknown): Usage | undefined {
  const usage = asRecord(value);
  const input = usage?.['input_tokens'];
  const output = usage?.['output_tokens'];
  if (typeof input !== 'number' || typeof output !== 'number') return undefined;
  // Cached prompt tokens are billed apart but were still read: count them as prompt tokens.
  const cached = ['cache_creation_input_tokens', 'cache_read_input_tokens'].reduce((sum, key) => sum + (typeof usage?.[key] === 'number' ? (usage[key] as number) : 0), 0);
  return { promptTokens: input + cached, completionTokens: output };
}
