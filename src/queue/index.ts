export * from './redis-rate-limiter.js';
export * from './redis-run-budget.js';
