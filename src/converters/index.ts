export * from './chain.js';
export * from './registry.js';
export { rot13Text } from '../core/rot13.js';
