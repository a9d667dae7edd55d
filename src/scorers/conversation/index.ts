export * from './conversation-options.js';
export * from './conversation-scorer.js';
