import type { AttemptEvent } from './event.js';

/** The words of an attempt a full-text index holds: what was sent to the target, and what came back. */
export type SearchText = {
  /** Prompts as sent and before conversion, planted documents, tool calls. */
  readonly prompt: string;
  /** Replies as received and as read for scoring, tool results. */
  readonly reply: string;
};

/** The text of an attempt's event log, split into what went to the target and what came back, for a search index. */
export function searchTextOf(events: readonly AttemptEvent[]): SearchText {
  const prompt: string[] = [];
  const reply: string[] = [];
  for (const event of events) {
    if (event.type === 'conversion') {
      if (event.of === 'prompt') prompt.push(event.before);
      else reply.push(event.after);
      continue;
    }
    if (event.type !== 'message') continue;
    const into = event.role === 'assistant' ? reply : prompt;
    for (const part of event.parts) {
      if (part.type === 'text' || part.type === 'document') into.push(part.text);
      else if (part.type === 'tool-call') into.push(`${part.name} ${part.arguments}`);
      else reply.push(part.text);
    }
  }
  return { prompt: prompt.join('\n'), reply: reply.join('\n') };
}

/**
 * A person's search words as an FTS5 query every word of which must match: each word quoted, so operators and
 * punctuation in what was typed are never read as query syntax. Undefined when nothing searchable was typed.
 */
export function fullTextQuery(typed: string): string | undefined {
  const words = typed.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return words.length === 0 ? undefined : words.slice(0, 16).map((w) => `"${w}"`).join(' ');
}
