// Source: scripted multi-turn regression suites, e.g. PyRIT's multi-turn orchestrators replaying prepared prompts (Lopez Munoz et al., 2024, arXiv:2410.02828).
import { defineTechnique } from '../../core/technique.js';
import { readConversationScript } from './conversation-script.js';
import { converseTurns } from './converse-turns.js';

/** Replays a scripted list of user turns (with `{{goal}}` filled in), judging after each reply. */
export const scriptedConversation = defineTechnique({
  id: 'scripted-conversation',
  summary: 'Replays a scripted multi-turn conversation from a file; needs no attacker model (regression suites).',
  source: 'Multi-turn regression scripts, PyRIT (Lopez Munoz et al., 2024), arXiv:2410.02828',
  taxonomy: { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] },
  personas: ['malicious', 'benign'],
  version: 1,
  requires: ['file'],
  defaults: { file: '', stopWhenReached: true },
  create: (options) => {
    const script = readConversationScript(String(options['file']));
    const fill = (text: string, goal: string): string => text.replaceAll('{{goal}}', goal);
    return {
      id: 'scripted-conversation',
      // The whole script, for previews and the hash: changing any turn changes the technique's hash.
      build: (goal) => ({ messages: script.map((text) => ({ role: 'user' as const, content: fill(text, goal.text) })) }),
      converse: (controls) =>
        converseTurns(controls, {
          maxTurns: script.length,
          source: 'script',
          stopWhenReached: options['stopWhenReached'] !== false,
          next: async (_, turn) => fill(script[turn - 1]!, controls.goal.text),
        }),
    };
  },
});
