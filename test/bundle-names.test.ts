import { describe, expect, it } from 'vitest';

// The bundle is built without esbuild's keepNames (decision 040): a class renamed to avoid a collision inside a chunk
// would change what users see, since an error's `name` is its class's. The tests run after the build.
describe('the bundled library keeps its exported names', () => {
  it('every exported class is called what it is exported as, and its errors say so', async () => {
    const library = (await import('../dist/index.js')) as Record<string, unknown>;
    const classes = Object.entries(library).filter((entry): entry is [string, new (...args: never[]) => unknown] =>
      typeof entry[1] === 'function' && /^class\b/.test(Function.prototype.toString.call(entry[1])));
    expect(classes.length).toBeGreaterThan(3);
    for (const [exported, value] of classes) expect(value.name, exported).toBe(exported);
    const { ConfigError } = library as { ConfigError: new (message: string, where: { file: string; path: string; hint: string }) => Error };
    expect(new ConfigError('bad', { file: 'f', path: 'p', hint: 'h' }).name).toBe('ConfigError');
  });
});
