import { z } from 'zod';
import { canaryScorerOptions } from './canary-scorer.js';
import { exfilUrlScorerOptions } from './exfil-url-scorer.js';
import { goalPatternScorerOptions } from './goal-pattern-scorer.js';
import { insecureOutputScorerOptions } from './insecure-output-scorer.js';
import { promptLeakScorerOptions } from './prompt-leak-scorer.js';
import { refusalScorerOptions } from './refusal-scorer.js';
import { regexScorerOptions } from './regex-scorer.js';
import { fabricatedCitationScorerOptions, falsePremiseScorerOptions, packageHallucinationScorerOptions } from './grounding/grounding-options.js';

/** Options of any scorer, told apart by `id`; config validates `scoring.scorers` entries with it. */
export const scorerOptions = z.discriminatedUnion('id', [
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
]);

/** Parsed options of any scorer (defaults filled in). */
export type ScorerOptions = z.output<typeof scorerOptions>;

/** Options of any scorer as written in config. */
export type ScorerOptionsInput = z.input<typeof scorerOptions>;
