import type { Message } from '../../src/core/message.js';
import type { JudgeModel, JudgeReply } from '../../src/scorers/judge/judge-model.js';

/** A judge model answering from a list, in order (the last answer repeats), that records every conversation it was asked. */
export function scriptedJudge(...replies: (string | JudgeReply)[]): JudgeModel & { asked: (readonly Message[])[] } {
  const asked: (readonly Message[])[] = [];
  return {
    id: 'scripted-judge',
    asked,
    ask: async (messages) => {
      asked.push(messages);
      const reply = replies[Math.min(asked.length, replies.length) - 1]!;
      return typeof reply === 'string' ? { ok: true, text: reply } : reply;
    },
  };
}
