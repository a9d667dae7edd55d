import { z } from 'zod';

/** Which replies of a conversation a conversation scorer reads. */
export const conversationModes = ['any', 'all', 'last'] as const;

/** One mode: `any` reply shows it, `all` replies show it, or only the `last` one counts. */
export type ConversationMode = (typeof conversationModes)[number];

/** Options of a conversation scorer, parsed (`Child` is the scorer-options union, a parameter to avoid an import cycle). */
// An interface, not a type alias: the scorer-options union refers to itself through it, which only interfaces allow.
export interface ConversationScorerOptions<Child = unknown> {
  /** Registry id. */
  readonly id: 'conversation';
  /** The scorer's id becomes `conversation:NAME`. */
  readonly name: string;
  /** How the per-reply verdicts combine. */
  readonly mode: ConversationMode;
  /** The reply scorer applied to each assistant turn. */
  readonly of: Child;
}

/** Options as written in config: the reply scorer may be a bare id. */
export interface ConversationScorerOptionsInput<ChildInput = unknown> extends Omit<ConversationScorerOptions, 'of' | 'mode'> {
  /** How the per-reply verdicts combine (default any). */
  readonly mode?: ConversationMode;
  /** The reply scorer: an entry, or a bare scorer id. */
  readonly of: string | ChildInput;
}

/** The conversation scorer's options schema; `child` is the full scorer-options union, passed lazily. */
export function conversationScorerOptions<O, I>(child: () => z.ZodType<O, I>): z.ZodType<ConversationScorerOptions<O>, ConversationScorerOptionsInput<I>> {
  const entry = z.lazy(() => z.union([z.string().transform((id) => ({ id })).pipe(child() as unknown as z.ZodType<O, { id: string }>), child()]));
  return z.strictObject({
    id: z.literal('conversation'),
    name: z.string().regex(/^[a-z0-9-]+$/).describe('The scorer id becomes conversation:NAME'),
    mode: z.enum(conversationModes).default('any').describe('any | all | last: which replies must show the finding'),
    of: entry.describe('The reply scorer applied to every assistant turn'),
  });
}
