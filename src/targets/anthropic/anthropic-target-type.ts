import { defineTarget } from '../target-descriptor.js';
import { anthropicTargetOptions, createAnthropicTarget } from './anthropic-target.js';

/** Anthropic's Messages API (Claude) through the official SDK; a configured system prompt is known to the prompt-leak scorer. */
export const anthropicTargetType = defineTarget({
  id: 'anthropic',
  summary: 'Anthropic Messages API (Claude) through the official SDK (optional package @anthropic-ai/sdk).',
  version: 1,
  options: anthropicTargetOptions,
  create: createAnthropicTarget,
  knownSecrets: ({ systemPrompt }) => (systemPrompt === undefined ? { canaries: [] } : { canaries: [], systemPrompt }),
});
