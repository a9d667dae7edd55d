export * from './clock.js';
export * from './execute-run.js';
export * from './plan.js';
export * from './rate-limiter.js';
export * from './retry-policy.js';
export * from './run-attempt.js';
export * from './send-with-retry.js';
export * from './translator.js';
