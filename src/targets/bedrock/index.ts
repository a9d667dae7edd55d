export { bedrockTargetOptions, createBedrockTarget, type BedrockTargetInput, type BedrockTargetOptions } from './bedrock-target.js';
export { bedrockTargetType } from './bedrock-target-type.js';
