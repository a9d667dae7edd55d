export * from './benign-goals.js';
export * from './harmful-goals.js';
export * from './hazard-categories.js';
export * from './library-goal.js';
export * from './library-goals.js';
