export * from './chain.js';
export * from './registry.js';
export { rot13Text } from './encoding/rot13.js';
