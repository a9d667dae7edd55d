import { z } from 'zod';
import type { ScorerOptions, ScorerOptionsInput } from '../scorer-options.js';

/** Which replies of a conversation a conversation scorer reads. */
export const conversationModes = ['any', 'all', 'last'] as const;

/** One mode: `any` reply shows it, `all` replies show it, or only the `last` one counts. */
export type ConversationMode = (typeof conversationModes)[number];

/** Options of a conversation scorer, parsed. */
export type ConversationScorerOptions = {
  /** Registry id. */
  readonly id: 'conversation';
  /** The scorer's id becomes `conversation:NAME`. */
  readonly name: string;
  /** How the per-reply verdicts combine. */
  readonly mode: ConversationMode;
  /** The reply scorer applied to each assistant turn. */
  readonly of: ScorerOptions;
};

/** Options as written in config: the reply scorer may be a bare id. */
export type ConversationScorerOptionsInput = Omit<ConversationScorerOptions, 'of' | 'mode'> & { readonly mode?: ConversationMode; readonly of: string | ScorerOptionsInput };

/** The conversation scorer's options schema; `child` is the full scorer-options union, passed lazily. */
export function conversationScorerOptions(child: () => z.ZodType<ScorerOptions, ScorerOptionsInput>): z.ZodType<ConversationScorerOptions, ConversationScorerOptionsInput> {
  const entry = z.lazy(() => z.union([z.string().transform((id) => ({ id })).pipe(child()), child()]));
  return z.strictObject({
    id: z.literal('conversation'),
    name: z.string().regex(/^[a-z0-9-]+$/).describe('The scorer id becomes conversation:NAME'),
    mode: z.enum(conversationModes).default('any').describe('any | all | last: which replies must show the finding'),
    of: entry.describe('The reply scorer applied to every assistant turn'),
  });
}
