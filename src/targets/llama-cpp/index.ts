export { llamaCppTargetOptions, type LlamaCppTargetInput, type LlamaCppTargetOptions } from './llama-cpp-options.js';
export { createLlamaCppTarget } from './llama-cpp-target.js';
export { llamaCppTargetType } from './llama-cpp-target-type.js';
