import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Tests that need PostgreSQL or Redis read their URLs from REDLINE_TEST_POSTGRES_URL and REDLINE_TEST_REDIS_URL
 * (`eval "$(scripts/local-services.sh)"` starts both on loopback and prints them). On a machine without them such a
 * test skips with one visible line; under `.ci/run`, which starts both and sets REDLINE_REQUIRE_SERVICES=1, a missing
 * service fails the test instead.
 */
function serviceUrl(name: 'REDLINE_TEST_POSTGRES_URL' | 'REDLINE_TEST_REDIS_URL', ctx: { skip: (note?: string) => void }): string | undefined {
  const url = process.env[name];
  if (url !== undefined && url !== '') return url;
  const why = `${name} is not set: start the services with eval "$(scripts/local-services.sh)" (.ci/run does)`;
  if (process.env['REDLINE_REQUIRE_SERVICES'] === '1') throw new Error(`${why}; REDLINE_REQUIRE_SERVICES=1 forbids skipping`);
  process.stderr.write(`skipped test: ${why}\n`);
  ctx.skip(why);
  return undefined;
}

/** The PostgreSQL server's URL (a role that may create databases), or a skip. */
export function postgresUrl(ctx: { skip: (note?: string) => void }): string | undefined {
  return serviceUrl('REDLINE_TEST_POSTGRES_URL', ctx);
}

/** The Redis server's URL, or a skip. */
export function redisUrl(ctx: { skip: (note?: string) => void }): string | undefined {
  return serviceUrl('REDLINE_TEST_REDIS_URL', ctx);
}

/** The server's URL from the environment, or undefined (for `describe.skipIf`-style checks and suites). */
export function postgresUrlFromEnv(): string | undefined {
  const url = process.env['REDLINE_TEST_POSTGRES_URL'];
  return url === undefined || url === '' ? undefined : url;
}

/** A unique name for a test's database, queue prefix or key space. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/**
 * Creates an empty database on the server at `url` and gives its URL; `drop()` removes it (connections to it are
 * ended first). Each test gets its own database, so tests run in parallel without seeing each other's rows.
 */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueName('redline_t');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // FORCE ends the test's own sessions; an autovacuum worker busy in the database belongs to no role, and the
        // test role may not end it (42501, "must be a member of the role whose process is being terminated"). It
        // finishes within moments: try again, for up to 10 s.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
