export * from './builtin-goal-sets.js';
export * from './goal-file.js';
export * from './starter-goals.js';
export * from './dataset-registry.js';
export * from './load-dataset.js';
export * from './pull.js';
export * from './importers/index.js';
