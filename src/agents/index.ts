export * from './environment.js';
export * from './registry.js';
export * from './tool-loop.js';
export * from './workspace-environment.js';
export * from './suites/index.js';
