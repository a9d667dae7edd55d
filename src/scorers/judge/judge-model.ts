import type { Message } from '../../core/message.js';

/** A judge's reply: its text, why there is none, or a stopped run (the engine's helper model fits this shape). */
export type JudgeReply =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: { readonly message: string } }
  | { readonly ok: false; readonly stopped: true };

/** The model LLM-judge scorers ask; the engine has already applied rate limits, timeouts and retries. */
export type JudgeModel = {
  /** Id of the target playing the judge. */
  readonly id: string;
  /** Sends a conversation and returns the reply text. */
  ask(messages: readonly Message[]): Promise<JudgeReply>;
};
