export { anthropicTargetOptions, createAnthropicTarget, type AnthropicTargetInput, type AnthropicTargetOptions } from './anthropic-target.js';
export { anthropicTargetType } from './anthropic-target-type.js';
