import { defineTarget } from '../target-descriptor.js';
import { llamaCppTargetOptions } from './llama-cpp-options.js';
import { createLlamaCppTarget } from './llama-cpp-target.js';

/** A GGUF model run in-process on the CPU; a configured system prompt is known to the prompt-leak scorer. */
export const llamaCppTargetType = defineTarget({
  id: 'llama-cpp',
  summary: 'A local GGUF model run in-process on the CPU by llama.cpp (optional package node-llama-cpp), pinned by SHA-256; chat or a safety classifier prompt.',
  version: 1,
  options: llamaCppTargetOptions,
  create: createLlamaCppTarget,
  knownSecrets: ({ systemPrompt }) => (systemPrompt === undefined ? { canaries: [] } : { canaries: [], systemPrompt }),
});
