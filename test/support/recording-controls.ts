import type { ConversationControls, ConversationReply } from '../../src/core/conversation.js';
import type { Turn } from '../../src/core/event.js';
import type { Message } from '../../src/core/message.js';

/**
 * Conversation controls for technique unit tests that record turns the way the engine does: the new user turn and
 * the reply at each send (with its source and node), pruned marks, and unsent turns.
 */
export function recordingControls(input: Omit<ConversationControls, 'send' | 'prune' | 'rollBack' | 'recordUnsent'> & { send: (messages: readonly Message[]) => Promise<ConversationReply> }): {
  controls: ConversationControls;
  turns: Turn[];
} {
  const turns: Turn[] = [];
  let lastExchange = -1;
  const controls: ConversationControls = {
    ...input,
    send: async (messages, options = {}) => {
      const reply = await input.send(messages);
      const node = options.node === undefined ? {} : { node: options.node };
      lastExchange = turns.length;
      turns.push({ role: 'user', content: messages.at(-1)!.content, source: options.source ?? 'technique', ...node });
      if (reply.ok) turns.push({ role: 'assistant', content: reply.text, ...node });
      return reply;
    },
    prune: (node) => {
      for (let i = 0; i < turns.length; i += 1) if (turns[i]!.node === node) turns[i] = { ...turns[i]!, pruned: true };
    },
    rollBack: () => {
      for (let i = Math.max(0, lastExchange); i < turns.length; i += 1) turns[i] = { ...turns[i]!, pruned: true };
    },
    recordUnsent: (message, options = {}) => {
      turns.push({ role: message.role, content: message.content, source: options.source ?? 'technique', ...(options.node === undefined ? {} : { node: options.node }), pruned: true });
    },
  };
  return { controls, turns };
}
