// The PostgreSQL RunStore. Not re-exported by src/store/index.ts: this module imports `pg`, which only a
// postgres:// store should load (callers import this file with a dynamic import()).
export { defaultPostgresBatching } from './attempt-writer.js';
export { postgresLocation } from './location.js';
export { migratePostgresStore } from './migrate.js';
export { postgresMigrations, type PostgresMigration } from './migrations.js';
export { openPostgresStore, type OpenPostgresOptions } from './open-store.js';
