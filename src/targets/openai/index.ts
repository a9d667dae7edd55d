export { createOpenAiTarget, openAiTargetOptions, type OpenAiTargetInput, type OpenAiTargetOptions } from './openai-target.js';
export { openAiTargetType } from './openai-target-type.js';
