import type { Scorer } from '../core/score.js';
import { canaryScorer } from './canary-scorer.js';
import { exfilUrlScorer } from './exfil-url-scorer.js';
import { goalPatternScorer } from './goal-pattern-scorer.js';
import { insecureOutputScorer } from './insecure-output-scorer.js';
import { promptLeakScorer } from './prompt-leak-scorer.js';
import { refusalScorer } from './refusal-scorer.js';
import { regexScorer } from './regex-scorer.js';
import type { ScorerOptions } from './scorer-options.js';
import { fabricatedCitationScorer, falsePremiseScorer, packageHallucinationScorer } from './grounding/index.js';

/** What the target knows about itself, filling scorer options the user left out. */
export type KnownSecrets = {
  /** Canaries the target plants (the canary scorer's default). */
  readonly canaries: readonly string[];
  /** The target's system prompt, when known (the prompt-leak scorer's default). */
  readonly systemPrompt?: string;
};

/** A built scorer, the options it was built from (known values filled in) and its descriptor's version, for hashing. */
export type CreatedScorer = {
  /** The scorer. */
  readonly scorer: Scorer;
  /** The options actually used. */
  readonly options: ScorerOptions;
  /** The scorer descriptor's version. */
  readonly version: number;
};

/** Builds any registered scorer from parsed options; `known` fills canaries and the system prompt when omitted. */
export function createScorer(options: ScorerOptions, known: KnownSecrets): CreatedScorer {
  switch (options.id) {
    case 'refusal':
      return { scorer: refusalScorer.create({}), options, version: refusalScorer.version };
    case 'canary': {
      const filled = { ...options, canaries: options.canaries ?? [...known.canaries] };
      return { scorer: canaryScorer.create(filled), options: filled, version: canaryScorer.version };
    }
    case 'regex':
      return { scorer: regexScorer.create(options), options, version: regexScorer.version };
    case 'prompt-leak': {
      const systemPrompt = options.systemPrompt ?? known.systemPrompt;
      const filled = systemPrompt === undefined ? options : { ...options, systemPrompt };
      return { scorer: promptLeakScorer.create(filled), options: filled, version: promptLeakScorer.version };
    }
    case 'exfil-url':
      return { scorer: exfilUrlScorer.create(options), options, version: exfilUrlScorer.version };
    case 'insecure-output':
      return { scorer: insecureOutputScorer.create({}), options, version: insecureOutputScorer.version };
    case 'goal-pattern':
      return { scorer: goalPatternScorer.create({}), options, version: goalPatternScorer.version };
    case 'false-premise':
      return { scorer: falsePremiseScorer.create({}), options, version: falsePremiseScorer.version };
    case 'fabricated-citation':
      return { scorer: fabricatedCitationScorer.create({}), options, version: fabricatedCitationScorer.version };
    case 'package-hallucination':
      // The caller has read `knownFile` into `known` (only the API layer does file I/O).
      return { scorer: packageHallucinationScorer.create(options), options, version: packageHallucinationScorer.version };
  }
}
