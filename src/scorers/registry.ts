import { canaryScorer } from './canary-scorer.js';
import { refusalScorer } from './refusal-scorer.js';
import { regexScorer } from './regex-scorer.js';

/** Every scorer Redline ships; the only place the id list is written. */
export const scorerRegistry = [refusalScorer, canaryScorer, regexScorer] as const;

/** A scorer id known to the registry. */
export type ScorerId = (typeof scorerRegistry)[number]['id'];
