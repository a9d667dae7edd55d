import { createRegistry } from '../core/registry.js';
import { inputClassifierLayer, outputClassifierLayer } from './classifier-layer.js';
import { conversationLimitLayer } from './conversation-limit-layer.js';
import { flagLimitLayer } from './flag-limit-layer.js';
import { topicDriftLayer } from './topic-drift-layer.js';
import { httpGuardLayer } from './guards/http-guard-layer.js';
import { llamaGuardLayer } from './guards/llama-guard-layer.js';
import { openAiModerationLayer } from './guards/openai-moderation-layer.js';
import { promptShieldLayer } from './guards/prompt-shield-layer.js';
import { metapromptLayer } from './metaprompt-layer.js';
import { outputFilterLayer } from './output-filter-layer.js';
import { spotlightLayer } from './spotlight-layer.js';

/** Every layer Redline ships; the only place the id list is written. */
export const layerRegistry = createRegistry('layer', [
  inputClassifierLayer,
  spotlightLayer,
  metapromptLayer,
  conversationLimitLayer,
  topicDriftLayer,
  flagLimitLayer,
  outputClassifierLayer,
  outputFilterLayer,
  promptShieldLayer,
  openAiModerationLayer,
  llamaGuardLayer,
  httpGuardLayer,
]);

/** A layer id known to the registry. */
export type LayerId = (typeof layerRegistry)['ids'][number];
