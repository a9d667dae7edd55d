import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import { compileCacheDirectory, enableCompileCache } from './compile-cache.js';

const home = () => '/home/ada';

describe('compileCacheDirectory', () => {
  it('is a redline folder in the per-user cache folder of each platform', () => {
    expect(compileCacheDirectory({ env: {}, platform: 'linux', home })).toBe(join('/home/ada', '.cache', 'redline', 'node-compile-cache'));
    expect(compileCacheDirectory({ env: { XDG_CACHE_HOME: '/var/cache/ada' }, platform: 'linux', home })).toBe(join('/var/cache/ada', 'redline', 'node-compile-cache'));
    expect(compileCacheDirectory({ env: { XDG_CACHE_HOME: '/var/cache/ada' }, platform: 'darwin', home })).toBe(join('/home/ada', 'Library', 'Caches', 'redline', 'node-compile-cache'));
  });

  it('never follows the working directory or the shared temporary folder', () => {
    // A relative XDG_CACHE_HOME is ignored (the XDG rule), and no home means no cache rather than a relative path.
    expect(compileCacheDirectory({ env: { XDG_CACHE_HOME: 'cache' }, platform: 'linux', home })).toBe(join('/home/ada', '.cache', 'redline', 'node-compile-cache'));
    expect(compileCacheDirectory({ env: {}, platform: 'linux', home: () => '' })).toBeUndefined();
    expect(compileCacheDirectory({ env: {}, platform: 'darwin', home: () => { throw new Error('no passwd entry'); } })).toBeUndefined();
    expect(compileCacheDirectory({ env: {}, platform: 'win32', home })).toBeUndefined();
  });
});

describe('enableCompileCache', () => {
  const calls = (env: NodeJS.ProcessEnv, fail = false): unknown[] => {
    const seen: unknown[] = [];
    enableCompileCache({ enableCompileCache: (directory) => { seen.push(directory); if (fail) throw new Error('EACCES'); } }, env);
    return seen;
  };

  it('hands Node the per-user folder', () => {
    expect(calls({ XDG_CACHE_HOME: '/var/cache/ada' })).toEqual([compileCacheDirectory({ env: { XDG_CACHE_HOME: '/var/cache/ada' }, platform: process.platform, home: () => '/home/ada' })]);
  });

  it('leaves the choice to the user: NODE_COMPILE_CACHE (already in use) and NODE_DISABLE_COMPILE_CACHE', () => {
    expect(calls({ NODE_COMPILE_CACHE: '/elsewhere' })).toEqual([]);
    expect(calls({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual([]);
  });

  it('does nothing on a Node without the API and never throws', () => {
    expect(() => enableCompileCache({}, {})).not.toThrow();
    expect(() => calls({ XDG_CACHE_HOME: '/var/cache/ada' }, true)).not.toThrow();
  });
});

const major = Number(process.versions.node.split('.')[0]);

describe('the CLI on Node ≥ 22.1', () => {
  it.skipIf(major < 22)('keeps the compiled code of a command it loaded in the per-user cache (skipped on Node 20: no module.enableCompileCache)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'redline-cc-'));
    const result = await runCli(['schema'], { cwd: cache, env: { XDG_CACHE_HOME: cache } });
    expect(result.code).toBe(0);
    const folder = join(cache, 'redline', 'node-compile-cache');
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder, { recursive: true }).length).toBeGreaterThan(1);
  });
});
