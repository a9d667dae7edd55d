export * from './combine-verdicts.js';
export * from './composite-options.js';
export * from './composite-scorer.js';
