import { messageParts, type ContentPart, type Message } from '../core/message.js';
import type { TargetRequest } from '../core/target.js';

/** The parts an input layer reads: the last user turn's parts and every document planted with the request. */
export function incomingParts(request: TargetRequest): ContentPart[] {
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  return [...(lastUser === undefined ? [] : messageParts(lastUser)), ...(request.documents ?? []).map((text): ContentPart => ({ type: 'document', text }))];
}

/** The request with its system instructions replaced by `system` (added as the first message when there were none). */
export function withSystem(request: TargetRequest, system: (current: string | undefined) => string): TargetRequest {
  const index = request.messages.findIndex((m) => m.role === 'system');
  const messages: Message[] = [...request.messages];
  if (index === -1) messages.unshift({ role: 'system', content: system(undefined) });
  else messages[index] = { role: 'system', content: system(request.messages[index]!.content) };
  return { ...request, messages };
}
