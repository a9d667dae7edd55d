export * from './disparity.js';
export * from './pass-at-k.js';
export * from './rate-fields.js';
export * from './summary.js';
export * from './wilson.js';
