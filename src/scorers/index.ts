export * from './canary-scorer.js';
export * from './refusal-patterns.js';
export * from './refusal-scorer.js';
export * from './regex-scorer.js';
export * from './registry.js';
