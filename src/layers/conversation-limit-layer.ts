import { z } from 'zod';
import { messageParts, partsText } from '../core/message.js';
import { defineLayer, layerInstanceId } from './define-layer.js';

/** Conversation limits: stop a conversation past a number of user turns, or a user turn past a length. */
export const conversationLimitLayer = defineLayer({
  id: 'conversation-limit',
  summary: 'Blocks a conversation past a number of user turns, or a user turn longer than a limit',
  version: 1,
  stage: 'conversation',
  effect: 'block',
  options: z.strictObject({
    id: z.literal('conversation-limit'),
    maxTurns: z.number().int().min(1).optional().describe('Most user turns a conversation may have'),
    maxInputChars: z.number().int().min(1).optional().describe('Longest user turn, in characters'),
  }),
  create: (options) => ({
    id: layerInstanceId('conversation-limit', options),
    stage: 'conversation',
    effect: 'block',
    onRequest: (request) => {
      const users = request.messages.filter((m) => m.role === 'user');
      if (options.maxTurns !== undefined && users.length > options.maxTurns) {
        return { verdict: { decision: 'block', reason: `turn ${users.length} is past the limit of ${options.maxTurns} user turns` } };
      }
      const last = users.at(-1);
      const length = last === undefined ? 0 : partsText(messageParts(last)).length;
      if (options.maxInputChars !== undefined && length > options.maxInputChars) {
        return { verdict: { decision: 'block', reason: `the user turn has ${length} characters, past the limit of ${options.maxInputChars}` } };
      }
      return { verdict: { decision: 'allow', reason: 'within limits' } };
    },
  }),
});
