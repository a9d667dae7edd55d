import { createHash } from 'node:crypto';
import type { Message } from '../../core/message.js';
import type { TargetRequest } from '../../core/target.js';
import type { WsConnection } from './ws-connection.js';

/** The connection a conversation holds, and what it has carried so far. */
type Held = {
  readonly connection: WsConnection;
  /** How many messages the conversation had after the last reply on this connection. */
  readonly sent: number;
  /** Digest of the last reply, which the next request must carry right after those messages. */
  readonly reply: string;
};

/** What one turn sends over which connection. */
export type WsTurn = {
  /** The conversation's open connection to reuse, or undefined when this turn opens one. */
  readonly connection?: WsConnection;
  /** What "{{messages}}" sends: everything on a new connection, only the new turns on a reused one. */
  readonly messages: readonly Message[];
  /** True when the conversation no longer continues what its connection carried (a backtrack). */
  readonly restarted: boolean;
};

/** The open connections of a target's conversations: one per conversation, the least recently used closed first. */
export type WsConversations = {
  /** The connection and messages for `request`; a backtracked conversation's old connection is closed. */
  begin(request: TargetRequest): WsTurn;
  /** Keeps the connection for the conversation's next turn. */
  settle(request: TargetRequest, held: { connection: WsConnection; reply: string }): void;
  /** Closes and forgets a conversation's connection (after a failed or aborted turn). */
  drop(request: TargetRequest): void;
  /** Closes every connection. */
  clear(): void;
};

/** Creates the connection book; at most `limit` conversations keep a connection open. */
export function createWsConversations(options: { limit: number; history: 'client' | 'server' }): WsConversations {
  const held = new Map<string, Held>();
  const forget = (id: string): void => {
    held.get(id)?.connection.close();
    held.delete(id);
  };
  return {
    begin(request) {
      const id = request.conversationId;
      const current = id === undefined ? undefined : held.get(id);
      if (id === undefined || current === undefined) return { messages: request.messages, restarted: false };
      const reply = request.messages[current.sent];
      const continues = current.connection.open && request.messages.length > current.sent + 1 && reply?.role === 'assistant' && digest(reply.content) === current.reply;
      if (!continues) {
        forget(id);
        return { messages: request.messages, restarted: true };
      }
      const messages = options.history === 'client' ? request.messages : request.messages.slice(current.sent + 1);
      return { connection: current.connection, messages, restarted: false };
    },
    settle(request, outcome) {
      const id = request.conversationId;
      if (id === undefined) return void outcome.connection.close();
      held.delete(id);
      held.set(id, { connection: outcome.connection, sent: request.messages.length, reply: digest(outcome.reply) });
      // Map order is insertion order: the first key is the conversation that went longest without a turn.
      if (held.size > options.limit) forget(held.keys().next().value as string);
    },
    drop(request) {
      if (request.conversationId !== undefined) forget(request.conversationId);
    },
    clear() {
      for (const id of [...held.keys()]) forget(id);
    },
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
