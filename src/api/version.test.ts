import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redlineVersion } from './version.js';

describe('redlineVersion', () => {
  it('reads the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(redlineVersion()).toBe(pkg.version);
  });
});
