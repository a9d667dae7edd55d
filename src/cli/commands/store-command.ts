import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { alreadyThere, type RunCopy } from '../../api/copy-runs.js';
import { ConfigError, StoreError } from '../../core/errors.js';

// This module is loaded at start-up to register the commands: the store and the copy load when one runs.

/** Arguments and options of `redline store copy`. */
export type StoreCopyOptions = { from: string; to: string; run?: string[]; json?: boolean };

/** True for a PostgreSQL URL. */
const isPostgres = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** A location as shown: a URL without its password. */
function shown(location: string): string {
  if (!isPostgres(location)) return location;
  try {
    const url = new URL(location);
    url.password = '';
    return url.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** The SQLite file named must exist: a StoreError naming the argument otherwise (nothing is created). */
function mustExist(location: string, name: string): void {
  if (location !== ':memory:' && !isPostgres(location) && !existsSync(location)) {
    throw new StoreError(`store ${location} does not exist`, { file: location, hint: `name an existing SQLite file as ${name} (\`redline scan\` creates one)` });
  }
}

/**
 * A store named on the command line: a postgres:// URL (its password from PGPASSWORD, never shown), a SQLite file
 * path (resolved against the working folder) or ':memory:'.
 */
export function storeLocation(argument: string, name: string): string {
  if (argument === ':memory:' || isPostgres(argument)) return argument;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(argument)) {
    throw new ConfigError(`${name} '${argument.replace(/\/\/[^@/]*@/, '//')}' is a URL Redline does not store runs at`, { file: '<command line>', path: name, hint: 'name a postgres:// URL, a SQLite file path or :memory:' });
  }
  return resolve(process.cwd(), argument);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per copied run: what was written, or that it was there already. */
export function copyLine(copy: RunCopy, to: string): string {
  const kept = copy.skipped > 0 ? ` (${plural(copy.skipped, 'attempt')} already there)` : '';
  const what = alreadyThere(copy)
    ? `already there (${plural(copy.skipped, 'attempt')})`
    : `copied ${plural(copy.copied, 'attempt')}, ${plural(copy.labels, 'label')}, ${plural(copy.sampled, 'sample item')}${kept}`;
  return `run ${copy.runId} (${copy.status}): ${what} → ${to}`;
}

/** Copies runs (all, or those named with --run) from one store to another; prints a line per run, or JSON. */
export async function runStoreCopyCommand(options: StoreCopyOptions): Promise<number> {
  const from = storeLocation(options.from, '<from>');
  const to = storeLocation(options.to, '<to>');
  if (from === to && from !== ':memory:') {
    throw new ConfigError(`<from> and <to> are the same store (${shown(from)})`, { file: '<command line>', path: '<to>', hint: 'name another store to copy into' });
  }
  mustExist(from, '<from>');
  const { withExistingStore, withStore } = await import('../../api/open-store.js');
  const { copyRuns, runsToCopy } = await import('../../api/copy-runs.js');
  const runIds = options.run === undefined || options.run.length === 0 ? undefined : options.run;
  const copies = await withExistingStore(from, async (source) => {
    // Every id is checked before the destination is opened (and created).
    const runs = await runsToCopy(source, runIds);
    return withStore(to, (destination) => copyRuns({ from: source, to: destination, runIds: runs.map((run) => run.id) }));
  });
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify({ from: shown(from), to: shown(to), runs: copies }, null, 2)}\n`);
  } else if (copies.length === 0) {
    process.stdout.write(`no runs in ${shown(from)}: nothing to copy\n`);
  } else {
    process.stdout.write(`${copies.map((copy) => copyLine(copy, shown(to))).join('\n')}\n`);
  }
  for (const copy of copies) if (copy.warning !== undefined) process.stderr.write(`warning: ${copy.warning}\n`);
  return 0;
}

/** Brings a store's schema up to date and says which version it was and is. */
export async function runStoreMigrateCommand(argument: string): Promise<number> {
  const { migrateStore } = await import('../../api/migrate-store.js');
  const location = storeLocation(argument, '<store>');
  mustExist(location, '<store>');
  const done = await migrateStore(location);
  const before = done.from === undefined ? 'unknown' : String(done.from);
  process.stdout.write(done.from === done.to
    ? `store ${done.location}: schema version ${done.to}, already up to date\n`
    : `store ${done.location}: schema version ${before} → ${done.to} (migrated)\n`);
  return 0;
}

/** Collects a repeatable option's values. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Registers `redline store copy` and `redline store migrate`. */
export function registerStoreCommand(program: Command): void {
  const store = program.command('store').description('Stores of runs: copy runs from one to another, bring one\'s schema up to date');
  store
    .command('copy')
    .description('Copy runs (with attempts, events, labels, reviews and review sample) into another store; copying again adds only what is missing')
    .argument('<from>', 'the store to read: a SQLite file (it must exist)')
    .argument('<to>', 'the store to copy into: a SQLite file (created when missing)')
    .option('--run <id>', 'copy this run only (repeatable; default: every run)', collect, [])
    .option('--json', 'print what was copied as JSON')
    .action(async (from: string, to: string, options: Omit<StoreCopyOptions, 'from' | 'to'>) => {
      process.exitCode = await runStoreCopyCommand({ ...options, from, to });
    });
  store
    .command('migrate')
    .description('Bring a store\'s schema up to date and print its version before and after')
    .argument('<store>', 'a SQLite file (it must exist)')
    .action(async (location: string) => {
      process.exitCode = await runStoreMigrateCommand(location);
    });
}
