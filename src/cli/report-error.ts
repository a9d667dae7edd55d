import { ConfigError, DatasetError, LimiterError, QueueError, RedlineError, StoreError, TargetError } from '../core/errors.js';
import { sanitizeTerminal } from '../api/terminal-output.js';
import { storeHint } from '../api/open-store.js';
import { EXIT } from './exit-codes.js';

/** A raw better-sqlite3 error that escaped the store's own wrapping (e.g. a write to a read-only file). */
function isSqliteError(error: unknown): error is Error & { code: string } {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

/** Exit code for an error. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError) return EXIT.config;
  if (error instanceof StoreError || error instanceof QueueError || error instanceof LimiterError || isSqliteError(error)) return EXIT.store;
  if (error instanceof DatasetError) return EXIT.dataset;
  if (error instanceof TargetError) return EXIT.target;
  return EXIT.internal;
}

/** One clear line (plus a hint line) for an error; stack traces only with REDLINE_DEBUG=1. */
export function formatError(error: unknown, debug: boolean): string {
  if (error instanceof RedlineError) {
    const lines = [`error: ${sanitizeTerminal(error.message)}`];
    if (error.hint) lines.push(`hint: ${sanitizeTerminal(error.hint)}`);
    if (debug && error.stack) lines.push(error.stack);
    return lines.join('\n');
  }
  if (isSqliteError(error)) {
    // Still a database problem the user can act on (read-only, full disk), not a bug report.
    const lines = [`error: database failure: ${sanitizeTerminal(error.message)}`, `hint: ${storeHint(error) ?? 'check the database file and its folder, or choose another location with --db'}`];
    if (debug && error.stack) lines.push(error.stack);
    return lines.join('\n');
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`error: unexpected failure: ${sanitizeTerminal(message)}`, 'hint: this is a bug in Redline; rerun with REDLINE_DEBUG=1 and report the output'];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return lines.join('\n');
}
