import type { AttackPrompt } from '../core/technique.js';

/** A prompt made of one user turn. */
export function userTurn(content: string): AttackPrompt {
  return { messages: [{ role: 'user', content }] };
}
