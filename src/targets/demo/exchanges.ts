import type { Message } from '../../core/message.js';
import { decodeRequestText } from './decode-request.js';

/** An earlier user turn of the conversation, decoded, with the assistant's reply to it if one followed. */
export type Exchange = {
  /** The user turn with its encodings undone. */
  readonly user: string;
  /** The first assistant turn after it, if any came before the next user turn. */
  readonly reply?: string;
};

/** The user turns before the last one, each paired with the reply it got. */
export function earlierExchanges(messages: readonly Message[]): Exchange[] {
  const last = messages.map((message) => message.role).lastIndexOf('user');
  const exchanges: Exchange[] = [];
  for (const message of messages.slice(0, Math.max(0, last))) {
    const open = exchanges.at(-1);
    if (message.role === 'user') exchanges.push({ user: decodeRequestText(message.content).text });
    else if (message.role === 'assistant' && open !== undefined && open.reply === undefined) {
      exchanges[exchanges.length - 1] = { ...open, reply: message.content };
    }
  }
  return exchanges;
}
