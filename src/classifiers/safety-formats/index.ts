export * from './harmbench.js';
export * from './llama-guard-3.js';
export * from './safety-format.js';
export * from './safety-formats.js';
export * from './wildguard.js';
