export * from './registry.js';
export * from './technique-hash.js';
