// The RunStore interface lives in core/run-store.ts; these are its implementations.
export * from './sqlite/index.js';
