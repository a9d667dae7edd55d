export * from './bug-bar-class.js';
export * from './category-profiles.js';
export * from './finding.js';
export * from './glob.js';
export * from './harm-category.js';
export * from './severity.js';
export * from './severity-rules.js';
export * from './technique-taxonomy.js';
