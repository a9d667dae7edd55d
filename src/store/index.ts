// The RunStore interface lives in core/run-store.ts; these are its implementations.
export * from './sqlite/index.js';
// The PostgreSQL store is deliberately not re-exported here: it imports `pg`, which only a postgres:// store should
// load. Import src/store/postgres/index.js (with a dynamic import()) where one is needed.
