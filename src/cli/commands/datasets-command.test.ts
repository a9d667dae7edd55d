import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLocalServer } from '../../../test/support/local-server.js';
import { ConfigError } from '../../core/errors.js';
import { runDatasetsListCommand, runDatasetsPullCommand } from './datasets-command.js';

const SHARED = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const printed = (): string => vi.mocked(process.stdout.write).mock.calls.map(([chunk]) => String(chunk)).join('');
afterEach(() => vi.restoreAllMocks());

describe('redline datasets', () => {
  it('lists every dataset with its persona and licence', () => {
    vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    expect(runDatasetsListCommand()).toBe(0);
    expect(printed()).toMatch(/^xstest\s+mixed\s+CC-BY-4.0\s+250 safe prompts/m);
    expect(printed()).toMatch(/^crows-pairs\s+benign\s+CC-BY-SA-4.0/m);
  });

  it('suggests the closest id for a typo', async () => {
    await expect(runDatasetsPullCommand('harmbenhc', {})).rejects.toThrow(ConfigError);
    await expect(runDatasetsPullCommand('harmbenhc', {})).rejects.toMatchObject({ hint: "did you mean 'harmbench'?" });
  });

  it.skipIf(!existsSync(SHARED))('pulls from a mirror with the global fetch and prints the verified paths (skipped without /work/shared/datasets)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-dscmd-'));
    const files = await startLocalServer((reply, request) => reply.end(readFileSync(join(SHARED, 'xstest', request.path))));
    vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    try {
      expect(await runDatasetsPullCommand('xstest', { dir, baseUrl: files.url })).toBe(0);
    } finally {
      await files.close();
    }
    expect(printed()).toContain(`xstest: 1 file(s) verified (SHA-256)\n  ${join(dir, 'xstest', 'xstest_prompts.csv')}`);
  });
});
