import { defineTarget } from '../target-descriptor.js';
import { bedrockTargetOptions, createBedrockTarget } from './bedrock-target.js';

/** AWS Bedrock's Converse API through the official SDK; a configured system prompt is known to the prompt-leak scorer. */
export const bedrockTargetType = defineTarget({
  id: 'bedrock',
  summary: 'AWS Bedrock Converse API through the official SDK (optional package @aws-sdk/client-bedrock-runtime).',
  version: 1,
  options: bedrockTargetOptions,
  create: createBedrockTarget,
  knownSecrets: ({ systemPrompt }) => (systemPrompt === undefined ? { canaries: [] } : { canaries: [], systemPrompt }),
});
