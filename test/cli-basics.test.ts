import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from './support/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'redline-basics-'));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('redline --version', () => {
  it('prints the package version and exits 0', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag], { cwd: tmp() });
      expect(result.code, flag).toBe(0);
      expect(result.stdout, flag).toBe(`${pkg.version}\n`);
    }
  });
});

describe('the built CLI', () => {
  // Windows has no execute bit; there npm's bin shims start node themselves.
  it.skipIf(process.platform === 'win32')('is executable: `npm run build` sets the bit, so dist/cli/main.js runs without `node` in front', async () => {
    expect(() => accessSync(CLI, constants.X_OK)).not.toThrow();
    const { stdout } = await promisify(execFile)(CLI, ['--version'], { cwd: tmp() });
    expect(stdout).toBe(`${pkg.version}\n`);
  });
});
