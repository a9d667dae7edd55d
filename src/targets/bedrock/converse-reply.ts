import type { ContentPart } from '../../core/message.js';
import type { TargetResponse } from '../../core/target.js';
import { badResponseError, type FailureScope } from '../http-failure.js';
import { asRecord } from '../json-record.js';
import { cachedUsage, providerReply } from '../provider-reply.js';

// Stop reasons that mean a filter acted: Bedrock's own content filter, or a guardrail configured on the model.
const filtered: Readonly<Record<string, string | true>> = { content_filtered: true, guardrail_intervened: 'guardrail' };

/** Turns a Bedrock Converse output (as the SDK returns it) into a TargetResponse, or raises 'bad-response'. */
export function converseReply(output: unknown, scope: FailureScope): TargetResponse {
  const root = asRecord(output);
  const message = asRecord(asRecord(root?.['output'])?.['message']);
  const content = message?.['content'];
  if (!Array.isArray(content)) throw badResponseError(scope, 'reply has no output.message.content');
  const parts: ContentPart[] = [];
  for (const entry of content) {
    const block = asRecord(entry);
    if (typeof block?.['text'] === 'string') parts.push({ type: 'text', text: block['text'] });
    const use = asRecord(block?.['toolUse']);
    if (typeof use?.['name'] === 'string') {
      parts.push({ type: 'tool-call', callId: typeof use['toolUseId'] === 'string' ? use['toolUseId'] : `call-${parts.length}`, name: use['name'], arguments: JSON.stringify(use['input'] ?? {}) });
    }
  }
  const stopReason = typeof root?.['stopReason'] === 'string' ? root['stopReason'] : undefined;
  const metadata: Record<string, string | number | boolean> = stopReason === undefined ? {} : { finishReason: stopReason };
  const filter = stopReason === undefined ? undefined : filtered[stopReason];
  if (filter !== undefined) metadata['contentFilter'] = filter;
  return providerReply({ parts, usage: cachedUsage(root?.['usage'], { input: 'inputTokens', output: 'outputTokens', cached: ['cacheReadInputTokens', 'cacheWriteInputTokens'] }), metadata });
}
