import type { AttemptEvent } from '../core/event.js';

/** Characters of prompt and reply a list row carries. */
const SNIPPET = 160;

/** What a list row shows of an attempt's conversation. */
export type AttemptSnippet = { prompt: string; reply: string };

/**
 * The first prompt (as written, before converters) and the last reply of an attempt (abandoned branches aside), cut
 * short, from its message and conversion events in order (other events are passed over).
 */
export function attemptSnippet(log: readonly AttemptEvent[]): AttemptSnippet {
  const entry = { prompt: '', reply: '' };
  for (const event of log) {
    if (event.type === 'conversion') {
      if (event.of === 'prompt' && entry.prompt === '') entry.prompt = event.before.slice(0, SNIPPET);
      continue;
    }
    if (event.type !== 'message' || event.pruned === true) continue;
    const text = event.parts.map((p) => ('text' in p ? p.text : '')).join(' ').slice(0, SNIPPET);
    if (event.role === 'assistant') entry.reply = text;
    else if (event.role === 'user' && entry.prompt === '') entry.prompt = text;
  }
  return entry;
}
