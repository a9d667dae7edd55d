import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The part of `node:module` this needs: `enableCompileCache` exists from Node 22.1 and is absent on Node 20. */
export type CompileCacheHost = {
  enableCompileCache?: (directory?: string) => unknown;
};

/**
 * Where this user's cache of compiled code lives: the platform's per-user cache folder, never the shared temporary
 * folder Node picks by default (a cache file there could be planted by another local user, and it is code this
 * process would run). Undefined when no home folder is known.
 */
export function compileCacheDirectory(options: { env: NodeJS.ProcessEnv; platform: NodeJS.Platform; home: () => string }): string | undefined {
  const { env, platform } = options;
  // Relative folders are ignored (the XDG rule): they would follow the working directory.
  const absolute = (path: string | undefined): string | undefined => (path !== undefined && isAbsolute(path) ? path : undefined);
  let home: string | undefined;
  try {
    home = absolute(options.home());
  } catch {
    home = undefined;
  }
  const base = platform === 'win32' ? absolute(env['LOCALAPPDATA'])
    : platform === 'darwin' ? (home === undefined ? undefined : join(home, 'Library', 'Caches'))
    : absolute(env['XDG_CACHE_HOME']) ?? (home === undefined ? undefined : join(home, '.cache'));
  return base === undefined ? undefined : join(base, 'redline', 'node-compile-cache');
}

/**
 * Lets Node keep the compiled code of the modules the CLI loads after this call (Node ≥ 22.1, `module.enableCompileCache`),
 * so the next `redline` process compiles less before its first request. A no-op on Node 20, when the user set
 * `NODE_COMPILE_CACHE` (Node already uses that folder) or `NODE_DISABLE_COMPILE_CACHE` (Node then refuses), or when no
 * per-user cache folder is known. Never throws: a cache that cannot be written only costs speed.
 */
export function enableCompileCache(host: CompileCacheHost, env: NodeJS.ProcessEnv = process.env): void {
  if (typeof host.enableCompileCache !== 'function') return;
  if (env['NODE_COMPILE_CACHE'] !== undefined || env['NODE_DISABLE_COMPILE_CACHE'] !== undefined) return;
  const directory = compileCacheDirectory({ env, platform: process.platform, home: homedir });
  if (directory === undefined) return;
  try {
    host.enableCompileCache(directory);
  } catch {
    // Only speed is lost.
  }
}
