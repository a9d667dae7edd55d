export { defaultBatching } from './attempt-writer.js';
export { migrations, type Migration } from './migrations.js';
export { openDatabase, storeHint, type Db, type OpenDatabaseOptions } from './open-database.js';
export { openReadOnlyDatabase } from './read-only-database.js';
export { openSqliteStore, sqliteRunStore } from './sqlite-run-store.js';
export { latestSchemaVersion, sqliteSchemaVersion } from './schema-version.js';
