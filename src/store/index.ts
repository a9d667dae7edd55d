export * from './attempt-writer.js';
export * from './migrations.js';
export * from './open-database.js';
export * from './run-queries.js';
export * from './run-store.js';
export * from './comparison-queries.js';
