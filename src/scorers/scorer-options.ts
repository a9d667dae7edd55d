import type { z } from 'zod';
import { optionsUnion } from '../core/registry.js';
import type { ScorerEntrySchema } from '../core/score.js';
import type { ConversationScorerOptions, ConversationScorerOptionsInput } from './conversation/conversation-options.js';
import type { CompositeScorerOptions, CompositeScorerOptionsInput } from './composite/composite-options.js';
import { scorerRegistry, type ListedScorer } from './registry.js';

/** Option schemas of the scorers that judge a reply themselves; a combinator's is a function of the union below. */
type LeafSchema = Extract<ListedScorer['options'], z.ZodType>;

/** Parsed options of any scorer (defaults filled in). */
export type ScorerOptions = z.output<LeafSchema> | CompositeScorerOptions<ScorerOptions> | ConversationScorerOptions<ScorerOptions>;

/** Options of any scorer as written in config. */
export type ScorerOptionsInput = z.input<LeafSchema> | CompositeScorerOptionsInput<ScorerOptionsInput> | ConversationScorerOptionsInput<ScorerOptionsInput>;

/** A scorer id known to the registry. */
export type ScorerId = ScorerOptions['id'];

/** The schema its children are checked with, for a scorer that combines others: this union, read when first parsing. */
const children = (): z.ZodType<ScorerOptions, ScorerOptionsInput> => scorerOptions;

/** Options of any registered scorer, told apart by `id`; config validates `scoring.scorers` entries with it. Composites nest. */
export const scorerOptions: z.ZodType<ScorerOptions, ScorerOptionsInput> = optionsUnion(scorerRegistry, 'id', (d) =>
  typeof d.options === 'function' ? (d.options as (union: typeof children) => ScorerEntrySchema)(children) : d.options,
) as unknown as z.ZodType<ScorerOptions, ScorerOptionsInput>;
