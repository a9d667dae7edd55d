import type { TargetError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { sendWithRetry, type SendContext } from './send-with-retry.js';

/** A reply from a target used in a second role (judge, attacker): its text, or why there is none. */
export type HelperReply = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: TargetError } | { readonly ok: false; readonly stopped: true };

/** A target used in a second role, asked with the engine's rate limit, timeout and retries. */
export type HelperModel = {
  /** Id of the target playing the role. */
  readonly id: string;
  /** Sends a conversation and returns the reply text. */
  ask(messages: readonly Message[]): Promise<HelperReply>;
};

/** Wraps a target and its send context as a helper model. */
export function createHelperModel(context: SendContext): HelperModel {
  return {
    id: context.target.id,
    ask: async (messages) => {
      const result = await sendWithRetry({ messages, seed: 0 }, context);
      return result.ok ? { ok: true, text: result.response.text } : 'stopped' in result ? result : { ok: false, error: result.error };
    },
  };
}
