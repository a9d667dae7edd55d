import { commonWords } from '../../classifiers/decoders/common-words.js';
import type { Exchange } from './exchanges.js';
import { classifyIntent, type DemoIntent } from './intent.js';
import { readPriorReply, type PriorReply } from './prior-reply.js';
import { escalationCap } from './weights.js';

/** Earlier on-topic user turns, by how the assistant replied to them (each count capped at `escalationCap`). */
export type Escalation = {
  /** Turns the assistant complied with or answered. */
  readonly answered: number;
  /** Turns the assistant refused, still in the history. */
  readonly refused: number;
};

// Words of any Northwind chat: sharing them does not put two turns on one topic.
const chatWords = new Set(['northwind', 'bank', 'account', 'thank', 'thanks', 'really', 'something', 'anything']);

/** Content words of `text`: four letters or more, not common, a plural 's' dropped. */
function topicWords(text: string): Set<string> {
  const words = (text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((word) => !commonWords.has(word));
  const stems = words.map((word) => word.replace(/s$/, ''));
  return new Set(stems.filter((word) => !commonWords.has(word) && !chatWords.has(word)));
}

/**
 * Counts the earlier turns since the conversation reached the topic: from the first turn with the same intent,
 * or a benign turn sharing a content word with the topic (a gradual approach), on to the last one.
 */
export function readEscalation(input: { exchanges: readonly Exchange[]; intent: DemoIntent; topic: string }): Escalation {
  const words = topicWords(input.topic);
  const onTopic = (turn: string): boolean => {
    const intent = classifyIntent(turn);
    return intent === input.intent || (intent === 'benign' && [...topicWords(turn)].some((word) => words.has(word)));
  };
  const first = input.exchanges.findIndex((exchange) => onTopic(exchange.user));
  if (first < 0) return { answered: 0, refused: 0 };
  const readings = input.exchanges.slice(first).map((exchange) => (exchange.reply === undefined ? undefined : readPriorReply(exchange.reply)));
  const count = (...kinds: PriorReply[]): number =>
    Math.min(escalationCap, readings.filter((reading) => reading !== undefined && kinds.includes(reading)).length);
  return { answered: count('complied', 'answered'), refused: count('refused') };
}
