import type { Message } from '../../core/message.js';
import { defineScorer, type Scorer } from '../../core/score.js';
import { combineVerdicts } from '../composite/combine-verdicts.js';
import { conversationScorerOptions, type ConversationMode } from './conversation-options.js';

/** Settings of a conversation scorer in code: its mode and the built reply scorer. */
export type ConversationScorerSettings = { readonly name: string; readonly mode: ConversationMode; readonly of: Scorer };

/** Applies a reply scorer to every assistant turn of a transcript and combines the verdicts (any / all / last). */
export const conversationScorer = defineScorer<ConversationScorerSettings, typeof conversationScorerOptions>({
  id: 'conversation',
  summary: 'Judges a whole transcript: a reply scorer applied to every assistant turn, combined as any / all / last.',
  version: 1,
  options: conversationScorerOptions,
  combines: true,
  create: ({ name, mode, of }) => {
    const id = `conversation:${name}`;
    return {
      id,
      score: async (input) => {
        // Each reply is judged with the conversation as it stood when it was given.
        const turns = input.conversation.flatMap((m, i) => (m.role === 'assistant' ? [i] : []));
        const judged = mode === 'last' ? turns.slice(-1) : turns;
        if (judged.length === 0) return { scorerId: id, verdict: 'unscored', label: 'no-replies', reason: 'The conversation has no assistant turn.' };
        const scores = await Promise.all(
          judged.map(async (at) => of.score({ goal: input.goal, conversation: input.conversation.slice(0, at + 1) as Message[], response: input.conversation[at]!.content })),
        );
        const op = mode === 'all' ? 'and' : 'or';
        const { verdict } = combineVerdicts({ op, verdicts: scores.map((s) => s.verdict) });
        const hit = scores.findIndex((s) => s.verdict === 'success');
        const where = hit >= 0 ? ` first at reply ${hit + 1}` : '';
        const decided = verdict === 'unscored' ? {} : { value: verdict === 'success' ? 1 : 0 };
        return {
          scorerId: id, verdict, label: `${mode}-${verdict}`, ...decided,
          reason: `${of.id} over ${judged.length} ${judged.length === 1 ? 'reply' : 'replies'} (${mode}) → ${verdict}${where}: ${scores.map((s) => s.verdict).join(', ')}.`,
        };
      },
    };
  },
});
