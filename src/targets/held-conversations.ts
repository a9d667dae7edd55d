import { createHash } from 'node:crypto';
import type { Message } from '../core/message.js';
import type { TargetRequest } from '../core/target.js';

/** A connection or page a conversation keeps open between its turns. */
export type Holdable = {
  /** False once it can carry no more turns (the app closed it, it crashed). */
  readonly open: boolean;
  /** Closes it at once. */
  close(): void;
};

/** The connection a conversation holds, and what it has carried so far. */
type Held<C extends Holdable> = {
  readonly connection: C;
  /** How many messages the conversation had after the last reply on this connection. */
  readonly sent: number;
  /** Digest of the last reply, which the next request must carry right after those messages. */
  readonly reply: string;
};

/** What one turn sends over which connection. */
export type HeldTurn<C extends Holdable> = {
  /** The conversation's open connection to reuse, or undefined when this turn opens one. */
  readonly connection?: C;
  /** What "{{messages}}" sends: everything on a new connection, only the new turns on a reused one. */
  readonly messages: readonly Message[];
  /** True when the conversation no longer continues what its connection carried (a backtrack). */
  readonly restarted: boolean;
};

/**
 * The open connections (WebSockets, browser pages) of a stateful target's conversations: one per conversation, the
 * least recently used closed first. The connection holds the conversation, so a turn sends only what is new on it.
 */
export type HeldConversations<C extends Holdable> = {
  /** The connection and messages for `request`; a backtracked conversation's old connection is closed. */
  begin(request: TargetRequest): HeldTurn<C>;
  /** Keeps the connection for the conversation's next turn; a one-off request's connection is closed. */
  settle(request: TargetRequest, held: { connection: C; reply: string }): void;
  /** Closes and forgets a conversation's connection (after a failed or aborted turn). */
  drop(request: TargetRequest): void;
  /** Closes every connection. */
  clear(): void;
};

/** Creates the connection book; at most `limit` conversations keep a connection open. */
export function createHeldConversations<C extends Holdable>(options: { limit: number; history: 'client' | 'server' }): HeldConversations<C> {
  const held = new Map<string, Held<C>>();
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
