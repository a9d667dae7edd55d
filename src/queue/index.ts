export * from './redis-rate-limiter.js';
export * from './redis-run-budget.js';
export * from './redis-connection.js';
export * from './slice-queue.js';
