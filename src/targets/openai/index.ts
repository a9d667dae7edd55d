export { createOpenAiTarget, openAiTargetOptions, type OpenAiTargetInput, type OpenAiTargetOptions } from './openai-target.js';
