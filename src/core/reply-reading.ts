import type { ContentPart } from './message.js';

/**
 * What scorers read of a reply: its text, then one line per tool call (`[tool call NAME] ARGUMENTS`), so an agent
 * is judged on what it did as well as what it said: a canary in a tool call's arguments is a leak, a planted
 * instruction carried out as a call is followed. A reply of text alone reads as its text.
 */
export function replyReading(reply: { readonly text: string; readonly parts?: readonly ContentPart[] }): string {
  const calls = (reply.parts ?? []).flatMap((part) => (part.type === 'tool-call' ? [`[tool call ${part.name}] ${part.arguments}`] : []));
  return [reply.text, ...calls].filter((line) => line !== '').join('\n');
}
