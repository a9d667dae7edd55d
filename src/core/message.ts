/** Who spoke a turn of a conversation. */
export type Role = 'system' | 'user' | 'assistant';

/** One turn of a conversation, as a target sees it. */
export type Message = {
  /** Who spoke. */
  readonly role: Role;
  /** The text of the turn, exactly as sent or received. */
  readonly content: string;
};
