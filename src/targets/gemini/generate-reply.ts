import type { ContentPart } from '../../core/message.js';
import type { TargetMetadata, TargetResponse, Usage } from '../../core/target.js';
import { badResponseError, type FailureScope } from '../http-failure.js';
import { asRecord } from '../json-record.js';

// Finish reasons that mean a filter stopped the reply (safety, policy, blocklist, personal data, recitation).
const filterReasons = new Set(['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'RECITATION', 'IMAGE_SAFETY']);

/** Turns a Gemini generateContent reply (as the SDK returns it) into a TargetResponse, or raises 'bad-response'. */
export function generateReply(body: unknown, scope: FailureScope): TargetResponse {
  const root = asRecord(body);
  if (!root) throw badResponseError(scope, 'reply is not a JSON object');
  const usage = usageOf(root['usageMetadata']);
  const feedback = asRecord(root['promptFeedback']);
  const candidates = Array.isArray(root['candidates']) ? root['candidates'] : [];
  const candidate = asRecord(candidates[0]);
  if (!candidate) {
    // A blocked prompt gets no candidate at all: the application refused, with the reason and categories it named.
    const blockReason = typeof feedback?.['blockReason'] === 'string' ? feedback['blockReason'] : undefined;
    if (blockReason === undefined) throw badResponseError(scope, 'reply has no candidates');
    const categories = blockedCategories(feedback?.['safetyRatings']).map((c) => `prompt:${c}`);
    return { text: '', ...(usage ? { usage } : {}), metadata: { finishReason: blockReason, contentFilter: categories.length > 0 ? categories.join(',') : `prompt:${blockReason}` } };
  }
  const parts = partsOf(asRecord(candidate['content'])?.['parts']);
  const text = parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
  const finishReason = typeof candidate['finishReason'] === 'string' ? candidate['finishReason'] : undefined;
  const metadata: Record<string, string | number | boolean> = finishReason === undefined ? {} : { finishReason };
  if (finishReason !== undefined && filterReasons.has(finishReason)) {
    const categories = blockedCategories(candidate['safetyRatings']);
    metadata['contentFilter'] = categories.length > 0 ? categories.join(',') : true;
  }
  return {
    text,
    // A reply that calls functions is recorded as parts (its text first, then each call): never as an empty string.
    ...(parts.some((part) => part.type !== 'text') ? { parts } : {}),
    ...(usage ? { usage } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata: metadata as TargetMetadata } : {}),
  };
}

function partsOf(value: unknown): ContentPart[] {
  const parts: ContentPart[] = [];
  for (const entry of Array.isArray(value) ? value : []) {
    const part = asRecord(entry);
    // Thought summaries are the model's reasoning, not its answer.
    if (typeof part?.['text'] === 'string' && part['thought'] !== true) parts.push({ type: 'text', text: part['text'] });
    const call = asRecord(part?.['functionCall']);
    if (typeof call?.['name'] === 'string') {
      parts.push({ type: 'tool-call', callId: typeof call['id'] === 'string' ? call['id'] : `call-${parts.length}`, name: call['name'], arguments: JSON.stringify(call['args'] ?? {}) });
    }
  }
  return parts;
}

/** The harm categories a list of safety ratings marked blocked, sorted. */
function blockedCategories(ratings: unknown): string[] {
  const found = new Set<string>();
  for (const entry of Array.isArray(ratings) ? ratings : []) {
    const rating = asRecord(entry);
    if (rating?.['blocked'] === true && typeof rating['category'] === 'string') found.add(rating['category']);
  }
  return [...found].sort();
}

function usageOf(value: unknown): Usage | undefined {
  const usage = asRecord(value);
  const prompt = usage?.['promptTokenCount'];
  if (typeof prompt !== 'number') return undefined;
  // Thinking tokens are billed as output, and a blocked prompt reports no candidate tokens at all.
  const output = ['candidatesTokenCount', 'thoughtsTokenCount'].reduce((sum, key) => sum + (typeof usage?.[key] === 'number' ? (usage[key] as number) : 0), 0);
  return { promptTokens: prompt, completionTokens: output };
}
