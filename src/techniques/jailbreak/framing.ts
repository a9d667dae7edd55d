// Small text helpers the jailbreak framings share, so each framing reads as its wording alone.
import type { Message } from '../../core/message.js';
import type { AttackPrompt } from '../../core/technique.js';

/** The text without trailing whitespace and sentence punctuation, to embed mid-sentence. */
export function bare(text: string): string {
  return text.trim().replace(/[\s.!?;:]+$/u, '');
}

/** The text with its first letter lower-cased, unless the first word is an acronym or 'I'. */
export function lowerFirst(text: string): string {
  if (/^(?:I\b|[A-Z]{2,})/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The text, trimmed, in double quotes, as a quoted request. */
export function quoted(text: string): string {
  return `"${text.trim()}"`;
}

/** A prompt of several turns, oldest first; the last must be the user's. */
export function conversation(...messages: readonly Message[]): AttackPrompt {
  if (messages.at(-1)?.role !== 'user') throw new Error('a conversation prompt must end with a user turn');
  return { messages };
}
