import { afterAll, describe, it } from 'vitest';
import { freshPostgresDatabase, postgresUrl, postgresUrlFromEnv } from '../../test/support/services.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { openSqliteStore } from '../store/sqlite/sqlite-run-store.js';
import { describeCopyConformance } from './copy-runs-conformance.js';

const serverUrl = postgresUrlFromEnv();
const databases: { drop: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

async function freshPostgres() {
  const db = await freshPostgresDatabase(serverUrl!);
  databases.push(db);
  return openPostgresStore(db.url);
}

if (serverUrl === undefined) {
  describe('copying runs with PostgreSQL', () => {
    it('needs a PostgreSQL server (REDLINE_TEST_POSTGRES_URL)', (ctx) => {
      postgresUrl(ctx);
    });
  });
} else {
  describeCopyConformance('SQLite → PostgreSQL', async () => openSqliteStore(':memory:'), freshPostgres);
  describeCopyConformance('PostgreSQL → SQLite', freshPostgres, async () => openSqliteStore(':memory:'));
}
