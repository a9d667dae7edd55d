import { canaryScorer } from './canary-scorer.js';
import { exfilUrlScorer } from './exfil-url-scorer.js';
import { goalPatternScorer } from './goal-pattern-scorer.js';
import { insecureOutputScorer } from './insecure-output-scorer.js';
import { promptLeakScorer } from './prompt-leak-scorer.js';
import { refusalScorer } from './refusal-scorer.js';
import { regexScorer } from './regex-scorer.js';
import { fabricatedCitationScorer, falsePremiseScorer, packageHallucinationScorer } from './grounding/index.js';

/** Every scorer Redline ships; the only place the id list is written. */
export const scorerRegistry = [
  refusalScorer,
  canaryScorer,
  regexScorer,
  promptLeakScorer,
  exfilUrlScorer,
  insecureOutputScorer,
  goalPatternScorer,
  falsePremiseScorer,
  fabricatedCitationScorer,
  packageHallucinationScorer,
] as const;

/** A scorer id known to the registry. */
export type ScorerId = (typeof scorerRegistry)[number]['id'];
