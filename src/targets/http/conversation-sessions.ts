import { createHash } from 'node:crypto';
import type { Message } from '../../core/message.js';
import type { TargetRequest } from '../../core/target.js';
import { createLruMap } from './lru-map.js';

/** Who keeps a conversation's history: 'client' sends all of it every time, 'server' means the app keeps it. */
export type HistoryMode = 'client' | 'server';

/** What one request sends, decided from what the app already holds of its conversation. */
export type SessionTurn = {
  /** The app's session id to send; null for a one-off request or before the app has issued one. */
  readonly session: string | null;
  /** What "{{messages}}" sends: the whole conversation, or only the turns the app has not seen. */
  readonly messages: readonly Message[];
  /** True when the reply must carry a session id: the first turn of a conversation. */
  readonly needsSession: boolean;
  /** True when the conversation no longer continues what the app holds (a backtrack), so a new session starts. */
  readonly restarted: boolean;
};

/** The app's sessions of one target, by the engine's conversation id. */
export type ConversationSessions = {
  /** What to send for `request`. */
  begin(request: TargetRequest): SessionTurn;
  /** Records a successful turn: the id the app issued (if it sent one) and the reply text it gave. */
  settle(request: TargetRequest, outcome: { turn: SessionTurn; issued: string | undefined; reply: string }): void;
  /** Forgets every session. */
  clear(): void;
};

/** What the app holds of one conversation. */
type Held = {
  /** The app's session id. */
  readonly session: string;
  /** How many messages the last request carried. */
  readonly sent: number;
  /** Digest of the app's last reply, which the next request must carry right after those messages. */
  readonly reply: string;
};

/** The turn of a request that belongs to no conversation: everything is sent, no session. */
export function oneOffTurn(request: TargetRequest): SessionTurn {
  return { session: null, messages: request.messages, needsSession: false, restarted: false };
}

/** Creates an empty session book that remembers the `limit` most recently used conversations. */
export function createConversationSessions(options: { history: HistoryMode; limit: number }): ConversationSessions {
  const book = createLruMap<string, Held>({ limit: options.limit });
  return {
    begin(request) {
      const id = request.conversationId;
      if (id === undefined) return oneOffTurn(request);
      const held = book.get(id);
      const first = { ...oneOffTurn(request), needsSession: true };
      if (held === undefined) return first;
      // With the whole history in every request the app's session stays valid whatever the history does.
      if (options.history === 'client') return { ...oneOffTurn(request), session: held.session };
      const reply = request.messages[held.sent];
      const continues =
        request.messages.length > held.sent + 1 && reply?.role === 'assistant' && digest(reply.content) === held.reply;
      if (!continues) return { ...first, restarted: true };
      return { ...first, session: held.session, messages: request.messages.slice(held.sent + 1), needsSession: false };
    },
    settle(request, outcome) {
      const session = outcome.issued ?? outcome.turn.session;
      if (request.conversationId === undefined || session === null) return;
      book.set(request.conversationId, { session, sent: request.messages.length, reply: digest(outcome.reply) });
    },
    clear: () => book.clear(),
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
