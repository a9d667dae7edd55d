import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../core/errors.js';
import { mcpLockText, parseMcpLock, type McpLock } from '../mcp/index.js';

/** Reads a lock file; undefined when there is none yet. A file that is not a lock file is a ConfigError naming it. */
export function readMcpLock(file: string): McpLock | undefined {
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StoreError(`cannot read ${file}: ${(error as Error).message}`, { file, hint: 'check the file\'s permissions, or name another with --lock', cause: error });
  }
  return parseMcpLock(text, file);
}

/** Writes a lock file atomically: a temporary file beside it, then a rename, so a reader never sees half a file. */
export function writeMcpLock(file: string, lock: McpLock): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, mcpLockText(lock), 'utf8');
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new StoreError(`cannot write ${file}: ${(error as Error).message}`, { file, hint: 'choose a writable path with --lock', cause: error });
  }
}
