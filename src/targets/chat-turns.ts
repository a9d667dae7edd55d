import type { TargetRequest } from '../core/target.js';

/** One turn as provider APIs take it: a user or an assistant, never two of the same in a row. */
export type ChatTurn = {
  /** Who spoke ('tool' results are carried as the user's turn, where the application would put them). */
  readonly role: 'user' | 'assistant';
  /** The turn's text. */
  readonly text: string;
};

/** A conversation split the way Anthropic, Bedrock and Gemini want it: system texts apart, then alternating turns. */
export type ChatTurns = {
  /** The configured system prompt, then any system message of the conversation, in order. */
  readonly system: readonly string[];
  /** The other messages, consecutive turns of one role joined by a blank line. */
  readonly turns: readonly ChatTurn[];
};

/** Splits a request's conversation into system texts and alternating turns (these APIs reject two user turns in a row). */
export function chatTurns(request: TargetRequest, systemPrompt: string | undefined): ChatTurns {
  const system = systemPrompt === undefined ? [] : [systemPrompt];
  const turns: ChatTurn[] = [];
  for (const message of request.messages) {
    if (message.role === 'system') {
      system.push(message.content);
      continue;
    }
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const last = turns.at(-1);
    if (last?.role === role) turns[turns.length - 1] = { role, text: `${last.text}\n\n${message.content}` };
    else turns.push({ role, text: message.content });
  }
  return { system, turns };
}
