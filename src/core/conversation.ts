import type { TurnSource } from './event.js';
import type { Goal } from './goal.js';
import type { ContentPart, Message } from './message.js';
import type { Score } from './score.js';

/** A reply from the target or the attacker, or why there is none: an error, a spent budget, or a stopped run. */
export type ConversationReply =
  | { readonly ok: true; readonly text: string; readonly parts?: readonly ContentPart[] }
  | { readonly ok: false; readonly stop: 'error' | 'budget' | 'stopped'; readonly kind: string; readonly message: string };

/** How a turn sent by a multi-turn technique is labelled in the attempt's log. */
export type SendOptions = {
  /** Who wrote the new user turn (default 'technique'). */
  readonly source?: TurnSource;
  /** The branch or tree node the exchange belongs to, when the conversation is not linear. */
  readonly node?: string;
};

/**
 * What a multi-turn technique may do while it converses; the engine implements it (conversion, limits, retries,
 * budgets) and records every turn in the attempt's event log as it is sent and received.
 */
export type ConversationControls = {
  /** The goal pursued. */
  readonly goal: Goal;
  /**
   * Sends a conversation (plain text, as the technique writes it) and returns the target's reply. The engine
   * converts each new user turn once and re-sends earlier turns exactly as they were sent; history turns the
   * target never saw (a fabricated past) are recorded as `fabricated`.
   */
  send(messages: readonly Message[], options?: SendOptions): Promise<ConversationReply>;
  /** Asks the attacker model (the configured `models.attacker`). */
  askAttacker(messages: readonly Message[]): Promise<ConversationReply>;
  /** Judges a conversation with the goal's deciding scorer (did its last reply reach the goal?); recorded with the turn. */
  judge(conversation: readonly Message[]): Promise<Score>;
  /** Marks every turn recorded under `node` as pruned: an abandoned branch, kept for the record. */
  prune(node: string): void;
  /** Marks the last exchange sent (its new user turn and the reply) as pruned: rolled back, never re-sent. */
  rollBack(): void;
  /** Records a turn that was written but never sent (a prompt pruned before sending), marked pruned. */
  recordUnsent(message: Message, options?: SendOptions): void;
};

/** How a conversation ended, as the technique reports it. */
export type ConversationOutcome = {
  /** The final transcript (abandoned branches excluded), ending with the target's last reply. */
  readonly transcript: readonly Message[];
  /** Times the technique rolled the conversation back after a refusal. */
  readonly backtracks: number;
  /** 1-based target turn at which the judge first saw the goal reached, if it was. */
  readonly reachedAtTurn?: number;
  /** Set when the conversation ended because a reply was missing (error, budget, stop). */
  readonly ended?: Extract<ConversationReply, { ok: false }>;
};
