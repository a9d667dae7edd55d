export * from './builtin-goal-sets.js';
export * from './goal-file.js';
export * from './starter-goals.js';
