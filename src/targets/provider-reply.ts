import type { ContentPart } from '../core/message.js';
import type { TargetMetadata, TargetResponse, Usage } from '../core/target.js';
import { asRecord } from './json-record.js';

/**
 * A provider's reply as a TargetResponse: the text of its text parts, the parts themselves when it holds more than
 * text (a tool call is never an empty string), usage and metadata when there are any.
 */
export function providerReply(input: { readonly parts: readonly ContentPart[]; readonly usage: Usage | undefined; readonly metadata: Record<string, string | number | boolean> }): TargetResponse {
  const { parts, usage, metadata } = input;
  return {
    text: parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join(''),
    ...(parts.some((part) => part.type !== 'text') ? { parts } : {}),
    ...(usage ? { usage } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata: metadata as TargetMetadata } : {}),
  };
}

/** Token usage from a provider's usage record; prompt-cache reads and writes (reported apart) count as prompt tokens. */
export function cachedUsage(value: unknown, keys: { readonly input: string; readonly output: string; readonly cached: readonly string[] }): Usage | undefined {
  const usage = asRecord(value);
  const input = usage?.[keys.input];
  const output = usage?.[keys.output];
  if (typeof input !== 'number' || typeof output !== 'number') return undefined;
  const cached = keys.cached.reduce((sum, key) => sum + (typeof usage?.[key] === 'number' ? (usage[key] as number) : 0), 0);
  return { promptTokens: input + cached, completionTokens: output };
}
