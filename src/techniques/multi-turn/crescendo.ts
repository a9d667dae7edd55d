// Source: Russinovich, Salem & Eldan, "Great, Now Write an Article About That: The Crescendo Multi-Turn LLM Jailbreak Attack" (2024), arXiv:2404.01833.
import type { ConversationOutcome } from '../../core/conversation.js';
import type { Message } from '../../core/message.js';
import { defineTechnique } from '../../core/technique.js';
import { readReply } from '../../classifiers/refusal/read-reply.js';
import { userTurn } from '../user-turn.js';
import { crescendoInstructions, crescendoView } from './crescendo-prompt.js';

/** Escalates gradually with an attacker model; a refused step is rolled back (kept as pruned) and rephrased. */
export const crescendo = defineTechnique({
  id: 'crescendo',
  summary: 'Escalates gradually across turns with an attacker model; backtracks on refusal (up to a limit) and rephrases.',
  source: 'Russinovich, Salem & Eldan (2024), arXiv:2404.01833',
  taxonomy: { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] },
  personas: ['malicious'],
  version: 1,
  needsAttacker: true,
  defaults: { turns: 10, backtracks: 10 },
  create: (options) => {
    const maxTurns = Math.max(1, Math.floor(Number(options['turns'] ?? 10)));
    const maxBacktracks = Math.max(0, Math.floor(Number(options['backtracks'] ?? 10)));
    return {
      id: 'crescendo',
      build: (goal) => userTurn(crescendoInstructions(goal.text, maxTurns)),
      converse: async (controls): Promise<ConversationOutcome> => {
        const transcript: Message[] = [];
        let backtracks = 0;
        let refused: string | undefined;
        let branch = 0;
        let sent = 0;
        // `turns` counts kept exchanges; each backtrack also spends a target turn, bounded by the backtrack limit.
        while (transcript.length / 2 < maxTurns) {
          const asked = await controls.askAttacker(crescendoView({ goal: controls.goal.text, maxTurns, transcript, ...(refused === undefined ? {} : { refused }) }));
          if (!asked.ok) return { transcript, backtracks, ended: asked };
          const step: Message = { role: 'user', content: asked.text.trim() };
          const node = `b${branch}`;
          const reply = await controls.send([...transcript, step], { source: 'attacker', node });
          sent += 1;
          if (!reply.ok) return { transcript, backtracks, ended: reply };
          const answer: Message = { role: 'assistant', content: reply.text };
          if (readReply(reply.text) === 'refusal' && backtracks < maxBacktracks) {
            // Roll the refused exchange back: the target never sees it again; the store keeps it, marked pruned.
            controls.rollBack();
            backtracks += 1;
            branch += 1;
            refused = reply.text;
            continue;
          }
          refused = undefined;
          transcript.push(step, answer);
          if ((await controls.judge(transcript)).verdict === 'success') return { transcript, backtracks, reachedAtTurn: sent };
        }
        return { transcript, backtracks };
      },
    };
  },
});
