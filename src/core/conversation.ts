import type { Turn } from './attempt.js';
import type { Goal } from './goal.js';
import type { Message } from './message.js';
import type { Score } from './score.js';

/** A reply from the target or the attacker, or why there is none: an error, a spent budget, or a stopped run. */
export type ConversationReply =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly stop: 'error' | 'budget' | 'stopped'; readonly kind: string; readonly message: string };

/** What a multi-turn technique may do while it converses; the engine implements it (limits, retries, budgets). */
export type ConversationControls = {
  /** The goal pursued. */
  readonly goal: Goal;
  /** Sends a conversation to the target (converters apply to its last user turn) and returns the reply. */
  send(messages: readonly Message[]): Promise<ConversationReply>;
  /** Asks the attacker model (the configured `attacker:` target). */
  askAttacker(messages: readonly Message[]): Promise<ConversationReply>;
  /** Judges a conversation with the goal's deciding scorer: did its last reply reach the goal? */
  judge(conversation: readonly Message[]): Promise<Score>;
  /** Records turns in order, including those of abandoned branches (marked pruned). */
  record(turns: readonly Turn[]): void;
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
