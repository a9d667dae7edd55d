export * from './banking-environment.js';
export * from './environment.js';
export * from './registry.js';
export * from './support-desk-environment.js';
export * from './tool-loop.js';
export * from './workspace-environment.js';
export * from './suites/index.js';
