export * from './guard-client.js';
export * from './guard-context.js';
export * from './guard-options.js';
export * from './guard-text.js';
export * from './http-guard-layer.js';
export * from './llama-guard-layer.js';
export * from './openai-moderation-layer.js';
export * from './prompt-shield-layer.js';
