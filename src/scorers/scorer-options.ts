import { z } from 'zod';
import { canaryScorerOptions } from './canary-scorer.js';
import { conversationScorerOptions, type ConversationScorerOptions, type ConversationScorerOptionsInput } from './conversation/conversation-options.js';
import { compositeScorerOptions, type CompositeScorerOptions, type CompositeScorerOptionsInput } from './composite/composite-options.js';
import { exfilUrlScorerOptions } from './exfil-url-scorer.js';
import { goalPatternScorerOptions } from './goal-pattern-scorer.js';
import { insecureOutputScorerOptions } from './insecure-output-scorer.js';
import { llmLikertScorerOptions } from './judge/llm-likert-scorer.js';
import { llmTrueFalseScorerOptions } from './judge/llm-true-false-scorer.js';
import { promptLeakScorerOptions } from './prompt-leak-scorer.js';
import { refusalScorerOptions } from './refusal-scorer.js';
import { regexScorerOptions } from './regex-scorer.js';
import { objectiveScorerOptions } from './objective/objective-scorer.js';
import { fabricatedCitationScorerOptions, falsePremiseScorerOptions, packageHallucinationScorerOptions } from './grounding/grounding-options.js';

/** Options schemas of the scorers that judge a reply themselves (everything but composite). */
const leafScorerOptions = [
  refusalScorerOptions,
  canaryScorerOptions,
  regexScorerOptions,
  promptLeakScorerOptions,
  exfilUrlScorerOptions,
  insecureOutputScorerOptions,
  goalPatternScorerOptions,
  falsePremiseScorerOptions,
  fabricatedCitationScorerOptions,
  packageHallucinationScorerOptions,
  llmTrueFalseScorerOptions,
  llmLikertScorerOptions,
  objectiveScorerOptions,
] as const;

type LeafOptions = (typeof leafScorerOptions)[number];

/** Parsed options of any scorer (defaults filled in). */
export type ScorerOptions = z.output<LeafOptions> | CompositeScorerOptions | ConversationScorerOptions;

/** Options of any scorer as written in config. */
export type ScorerOptionsInput = z.input<LeafOptions> | CompositeScorerOptionsInput | ConversationScorerOptionsInput;

/** Options of any scorer, told apart by `id`; config validates `scoring.scorers` entries with it. Composites nest. */
export const scorerOptions: z.ZodType<ScorerOptions, ScorerOptionsInput> = z.discriminatedUnion('id', [
  ...leafScorerOptions,
  compositeScorerOptions(() => scorerOptions),
  conversationScorerOptions(() => scorerOptions),
]);
