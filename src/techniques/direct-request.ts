// Source: the baseline of every jailbreak benchmark, e.g. HarmBench "direct request" (Mazeika et al., 2024, arXiv:2402.04249).
import { defineTechnique } from '../core/technique.js';
import { userTurn } from './user-turn.js';

/** Sends the goal as it is: the baseline every other technique is measured against. */
export const directRequest = defineTechnique({
  id: 'direct-request',
  summary: 'Asks for the goal plainly, with no framing: the baseline.',
  source: 'HarmBench direct-request baseline, Mazeika et al. (2024), arXiv:2402.04249',
  taxonomy: { atlas: ['AML.T0051.000'], owasp: ['LLM01:2025'] },
  personas: ['malicious', 'benign'],
  version: 1,
  create: () => ({ id: 'direct-request', build: (goal) => userTurn(goal.text) }),
});
