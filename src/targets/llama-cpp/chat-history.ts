import type { ChatHistoryItem } from 'node-llama-cpp';
import type { TargetRequest } from '../../core/target.js';

/** One turn before it becomes a history item. */
type Turn = { readonly type: 'system' | 'user' | 'model'; readonly text: string };

/**
 * A request's conversation as node-llama-cpp's chat history, ending with the model's empty turn to generate: the
 * configured system prompt first, system messages as system items, tool results as the user's turn (where an
 * application would put them), consecutive turns of one speaker joined by a blank line.
 */
export function chatHistory(request: TargetRequest, systemPrompt: string | undefined): ChatHistoryItem[] {
  const turns: Turn[] = systemPrompt === undefined ? [] : [{ type: 'system', text: systemPrompt }];
  for (const message of request.messages) {
    const type = message.role === 'assistant' ? 'model' : message.role === 'system' ? 'system' : 'user';
    const last = turns.at(-1);
    if (last?.type === type) turns[turns.length - 1] = { type, text: `${last.text}\n\n${message.content}` };
    else turns.push({ type, text: message.content });
  }
  const history = turns.map((turn): ChatHistoryItem => (turn.type === 'model' ? { type: 'model', response: [turn.text] } : { type: turn.type, text: turn.text }));
  return [...history, { type: 'model', response: [] }];
}
