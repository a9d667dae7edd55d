import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, startCli, type CliResult } from './support/run-cli.js';

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

/** Runs the CLI with its stdout's read end closed before it writes anything, as `redline … | head -0` would. */
function runIntoClosedPipe(args: readonly string[], cwd: string): Promise<CliResult> {
  const { child, done } = startCli(args, { cwd });
  child.stdout!.destroy();
  return done;
}

describe('a closed stdout (`redline … | head`)', () => {
  it('ends the command quietly with its own exit code: no EPIPE, no stack trace', async () => {
    const dir = tmp();
    const list = await runIntoClosedPipe(['list', 'techniques'], dir);
    expect(list).toMatchObject({ code: 0, signal: null, stderr: '' });

    const scan = await runIntoClosedPipe(['scan', '--trials', '1', '--no-reports', '--no-progress'], dir);
    expect(scan.code).toBe(0);
    expect(scan.stderr).not.toMatch(/EPIPE|error|\n\s+at /);

    const runs = await runIntoClosedPipe(['runs'], dir);
    expect(runs).toMatchObject({ code: 0, stderr: '' });
  });
});
