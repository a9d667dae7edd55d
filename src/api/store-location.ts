import { resolve } from 'node:path';

// Where a store is, without opening it: this module loads no driver (a scan names its store before the SQLite module
// has loaded; see scan()).

/** True when a store location is a PostgreSQL URL (postgres:// or postgresql://) rather than a SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A store location as given: a PostgreSQL URL (or ':memory:') as it is, a SQLite file resolved against `baseDir`. */
export function storeLocation(location: string, baseDir: string): string {
  return location === ':memory:' || isPostgresLocation(location) ? location : resolve(baseDir, location);
}
