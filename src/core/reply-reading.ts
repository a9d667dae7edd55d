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

/**
 * The categories a target's content filter named when it blocked a reply outright (no text, no tool call), or
 * 'unspecified' when it named none; undefined when nothing was blocked (a flagged reply that still says something is
 * scored on what it says).
 */
export function blockedReply(reply: { readonly contentFilter: boolean | string | undefined; readonly text: string; readonly parts?: readonly ContentPart[] | undefined }): string | undefined {
  const filter = reply.contentFilter;
  if (filter === undefined || filter === false || reply.text.trim() !== '' || (reply.parts ?? []).some((part) => part.type !== 'text')) return undefined;
  return typeof filter === 'string' ? filter : 'unspecified';
}
