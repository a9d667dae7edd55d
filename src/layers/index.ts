export * from './classifier-layer.js';
export * from './conversation-limit-layer.js';
export * from './define-layer.js';
export * from './metaprompt-layer.js';
export * from './output-filter-layer.js';
export * from './registry.js';
export * from './spotlight-layer.js';
export * from './guarded-target.js';
