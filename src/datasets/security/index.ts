export * from './exfil-host.js';
export * from './exfiltration-goals.js';
export * from './injection-goals.js';
export * from './insecure-output-goals.js';
export * from './leakage-goals.js';
export * from './security-goals.js';
