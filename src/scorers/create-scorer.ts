import type { Scorer, ScorerDescriptor } from '../core/score.js';
import { canaryScorer } from './canary-scorer.js';
import { compositeScorer } from './composite/composite-scorer.js';
import { conversationScorer } from './conversation/conversation-scorer.js';
import { exfilUrlScorer } from './exfil-url-scorer.js';
import { goalPatternScorer } from './goal-pattern-scorer.js';
import { insecureOutputScorer } from './insecure-output-scorer.js';
import type { JudgeModel } from './judge/judge-model.js';
import { llmLikertScorer } from './judge/llm-likert-scorer.js';
import { llmTrueFalseScorer } from './judge/llm-true-false-scorer.js';
import { requireJudge } from './judge/require-judge.js';
import { promptLeakScorer } from './prompt-leak-scorer.js';
import { refusalScorer } from './refusal-scorer.js';
import { regexScorer } from './regex-scorer.js';
import { objectiveScorer } from './objective/objective-scorer.js';
import type { ScorerOptions } from './scorer-options.js';
import { fabricatedCitationScorer, falsePremiseScorer, packageHallucinationScorer } from './grounding/index.js';

/** What the target knows about itself, filling scorer options the user left out. */
export type KnownSecrets = {
  /** Canaries the target plants (the canary scorer's default). */
  readonly canaries: readonly string[];
  /** The target's system prompt, when known (the prompt-leak scorer's default). */
  readonly systemPrompt?: string;
};

/** What scorers may draw on: what the target knows about itself, and the judge model when one is configured. */
export type ScorerServices = KnownSecrets & {
  /** The model LLM-judge scorers ask (the `judge:` target). */
  readonly judge?: JudgeModel | undefined;
};

/** A built scorer, the options it was built from (known values filled in) and what its hash must cover. */
export type CreatedScorer = {
  /** The scorer. */
  readonly scorer: Scorer;
  /** The options actually used. */
  readonly options: ScorerOptions;
  /** The scorer descriptor's version. */
  readonly version: number;
  /** Id of the judge model it asks, for LLM judges. */
  readonly judge?: string;
  /** The built children, for composites. */
  readonly parts?: readonly CreatedScorer[];
};

/** What a scorer's hash covers besides its options: its version, plus the judge and the parts' fingerprints. */
export function scorerFingerprint(created: CreatedScorer): unknown {
  if (created.judge === undefined && created.parts === undefined) return created.version;
  return { version: created.version, judge: created.judge, parts: created.parts?.map(scorerFingerprint) };
}

/**
 * Builds any registered scorer from parsed options; `services` fills canaries and the system prompt when omitted,
 * and gives LLM judges their model (building one without it is a ConfigError).
 */
export function createScorer(options: ScorerOptions, services: ScorerServices): CreatedScorer {
  switch (options.id) {
    case 'refusal':
      return { scorer: refusalScorer.create({}), options, version: refusalScorer.version };
    case 'objective':
      return { scorer: objectiveScorer.create(options), options, version: objectiveScorer.version };
    case 'canary': {
      const filled = { ...options, canaries: options.canaries ?? [...services.canaries] };
      return { scorer: canaryScorer.create(filled), options: filled, version: canaryScorer.version };
    }
    case 'regex':
      return { scorer: regexScorer.create(options), options, version: regexScorer.version };
    case 'prompt-leak': {
      const systemPrompt = options.systemPrompt ?? services.systemPrompt;
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
      // The caller has read `knownFile` into `options.known` (only the API layer does file I/O).
      return { scorer: packageHallucinationScorer.create(options), options, version: packageHallucinationScorer.version };
    case 'llm-true-false':
      return createJudge(llmTrueFalseScorer, options, services);
    case 'llm-likert':
      return createJudge(llmLikertScorer, options, services);
    case 'conversation': {
      const part = createScorer(options.of, services);
      const scorer = conversationScorer.create({ name: options.name, mode: options.mode, of: part.scorer });
      return { scorer, options: { ...options, of: part.options }, version: conversationScorer.version, parts: [part] };
    }
    case 'composite': {
      const parts = options.of.map((child) => createScorer(child, services));
      const scorer = compositeScorer.create({ ...options, of: parts.map((p) => p.scorer) });
      return { scorer, options: { ...options, of: parts.map((p) => p.options) }, version: compositeScorer.version, parts };
    }
  }
}

/** Builds an LLM judge with the configured judge model; its id is part of the scorer's hash. */
function createJudge<O extends ScorerOptions>(descriptor: ScorerDescriptor<O & { readonly judge: JudgeModel }>, options: O, services: ScorerServices): CreatedScorer {
  const judge = requireJudge(services.judge, options.id);
  return { scorer: descriptor.create({ ...options, judge }), options, version: descriptor.version, judge: judge.id };
}
