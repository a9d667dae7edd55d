import { createRegistry, type Registry } from '../core/registry.js';
import type { ScorerDescriptor } from '../core/score.js';
import { agentTaskScorer } from './agent-task-scorer.js';
import { canaryScorer } from './canary-scorer.js';
import { conversationScorer } from './conversation/conversation-scorer.js';
import { compositeScorer } from './composite/composite-scorer.js';
import { exfilUrlScorer } from './exfil-url-scorer.js';
import { goalPatternScorer } from './goal-pattern-scorer.js';
import { insecureOutputScorer } from './insecure-output-scorer.js';
import { llmLikertScorer } from './judge/llm-likert-scorer.js';
import { llmTrueFalseScorer } from './judge/llm-true-false-scorer.js';
import { harmBenchClassifierScorer } from './judge/harmbench-classifier-scorer.js';
import { strongRejectScorer } from './judge/strongreject-scorer.js';
import { promptLeakScorer } from './prompt-leak-scorer.js';
import { provenExfilScorer } from './proven-exfil-scorer.js';
import { refusalScorer } from './refusal-scorer.js';
import { regexScorer } from './regex-scorer.js';
import { objectiveScorer } from './objective/objective-scorer.js';
import { safetyClassifierScorer } from './safety-classifier/index.js';
import { fabricatedCitationScorer, falsePremiseScorer, packageHallucinationScorer } from './grounding/index.js';

const all = [
  refusalScorer,
  canaryScorer,
  regexScorer,
  promptLeakScorer,
  exfilUrlScorer,
  provenExfilScorer,
  agentTaskScorer,
  insecureOutputScorer,
  goalPatternScorer,
  falsePremiseScorer,
  fabricatedCitationScorer,
  packageHallucinationScorer,
  llmTrueFalseScorer,
  llmLikertScorer,
  strongRejectScorer,
  harmBenchClassifierScorer,
  compositeScorer,
  objectiveScorer,
  conversationScorer,
  safetyClassifierScorer,
] as const;

/** A scorer's descriptor as the registry lists it. */
export type ListedScorer = (typeof all)[number];

/** Every scorer Redline ships; the only place the id list is written. */
export const scorerRegistry: Registry<ListedScorer & ScorerDescriptor> = createRegistry('scorer', all);
