import { defineTarget } from '../target-descriptor.js';
import { createOpenAiTarget, openAiTargetOptions } from './openai-target.js';

/** Any OpenAI-compatible Chat Completions endpoint; a configured system prompt is known to the prompt-leak scorer. */
export const openAiTargetType = defineTarget({
  id: 'openai',
  summary: 'Any OpenAI-compatible Chat Completions endpoint: OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server.',
  version: 1,
  options: openAiTargetOptions,
  create: createOpenAiTarget,
  knownSecrets: ({ systemPrompt }) => (systemPrompt === undefined ? { canaries: [] } : { canaries: [], systemPrompt }),
});
