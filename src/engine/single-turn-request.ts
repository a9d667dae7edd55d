import type { Goal } from '../core/goal.js';
import type { Message } from '../core/message.js';
import type { Technique } from '../core/technique.js';
import type { ConverterChain } from '../converters/chain.js';

/**
 * The request a single-turn attempt sends for a goal, without translation: the technique's prompt with the chain
 * applied to its last user turn (what `redline targets show demo` and the ground-truth tests feed the demo's model).
 */
export function singleTurnRequest(input: { goal: Goal; technique: Technique; chain: ConverterChain }): { messages: Message[]; documents?: readonly string[] } {
  const prompt = input.technique.build(input.goal);
  const last = prompt.messages.map((m) => m.role).lastIndexOf('user');
  const messages = prompt.messages.map((m, i) => (i === last ? { role: m.role, content: input.chain.convert(m.content) } : m));
  return prompt.documents === undefined ? { messages } : { messages, documents: prompt.documents };
}
