export * from './chain.js';
export * from './registry.js';
export * from './encoding/index.js';
export * from './obfuscation/index.js';
export * from './smuggling/index.js';
export * from './framing/index.js';
export { rot13Text } from '../core/rot13.js';
