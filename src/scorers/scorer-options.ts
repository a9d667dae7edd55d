import type { z } from 'zod';
import { optionsUnion, type Registry } from '../core/registry.js';
import type { ScorerDescriptor, ScorerEntrySchema } from '../core/score.js';
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

/**
 * Options of any scorer in `registry`, told apart by `id`; config validates `scoring.scorers` entries with it. A
 * combinator's children are checked by the same union (read when first parsing), so composites nest, plugins' too.
 */
export function scorerOptionsFor(registry: Registry<ScorerDescriptor>): z.ZodType<ScorerOptions, ScorerOptionsInput> {
  const children = (): z.ZodType<ScorerOptions, ScorerOptionsInput> => union;
  const union = optionsUnion(registry, 'id', (d) =>
    typeof d.options === 'function' ? (d.options as (of: typeof children) => ScorerEntrySchema)(children) : d.options,
  ) as unknown as z.ZodType<ScorerOptions, ScorerOptionsInput>;
  return union;
}

/** Options of any scorer Redline ships (see `scorerOptionsFor`). */
export const scorerOptions: z.ZodType<ScorerOptions, ScorerOptionsInput> = scorerOptionsFor(scorerRegistry);
