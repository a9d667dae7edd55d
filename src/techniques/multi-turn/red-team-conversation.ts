// Source: red-teaming with a language model as the attacker, Perez et al., "Red Teaming Language Models with Language Models" (2022), arXiv:2202.03286.
import { defineTechnique } from '../../core/technique.js';
import { userTurn } from '../user-turn.js';
import { attackerInstructions, attackerView } from './attacker-prompt.js';
import { converseTurns } from './converse-turns.js';

/** An attacker model converses with the target toward the goal for up to `turns` turns, judged after each reply. */
export const redTeamConversation = defineTechnique({
  id: 'red-team-conversation',
  summary: 'An attacker model talks to the target toward the goal for up to k turns, stopping when the judge sees it reached.',
  source: 'Perez et al., "Red Teaming Language Models with Language Models" (2022), arXiv:2202.03286',
  taxonomy: { atlas: ['AML.T0054', 'AML.T0051.000'], owasp: ['LLM01:2025'] },
  personas: ['malicious'],
  version: 1,
  needsAttacker: true,
  defaults: { turns: 5 },
  create: (options) => {
    const maxTurns = Math.max(1, Math.floor(Number(options['turns'] ?? 5)));
    return {
      id: 'red-team-conversation',
      // For hashing and previews: the instructions the attacker receives.
      build: (goal) => userTurn(attackerInstructions(goal.text, maxTurns)),
      converse: (controls) =>
        converseTurns(controls, {
          maxTurns,
          source: 'attacker',
          stopWhenReached: true,
          next: async (transcript) => {
            const reply = await controls.askAttacker(attackerView(controls.goal.text, maxTurns, transcript));
            return reply.ok ? reply.text.trim() : undefined;
          },
        }),
    };
  },
});
