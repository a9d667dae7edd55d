import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

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
