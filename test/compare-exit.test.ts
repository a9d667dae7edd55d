import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

describe('redline compare --fail-on-regression', () => {
  it('exits 1 when B is significantly worse in any cell, 0 without the flag or when nothing regressed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-compare-exit-'));
    const runs: string[] = [];
    for (const defense of ['high', 'none']) {
      writeFileSync(join(dir, `${defense}.yaml`), `target: { type: demo, defense: ${defense} }\ntrials: 10\nseed: 1\n`);
      const scan = await runCli(['scan', '-c', `${defense}.yaml`, '--db', 'runs.db', '--no-reports', '--no-progress'], { cwd: dir });
      expect(scan.code, scan.stderr).toBe(0);
      runs.push(/^run (r-\S+):/m.exec(scan.stderr)![1]!);
    }
    const [guarded, open] = runs as [string, string];

    // The defense switched off: a regression. Printed either way; the exit code says so only when asked.
    const plain = await runCli(['compare', guarded, open, '--db', 'runs.db'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/Verdict: REGRESSION — [1-9]\d* cells worse in B/);
    const gated = await runCli(['compare', guarded, open, '--db', 'runs.db', '--fail-on-regression'], { cwd: dir });
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/^FAIL {2}--fail-on-regression: [1-9]\d* cells? significantly worse in B than in A$/m);

    // The other way round only improves: the flag passes.
    const improved = await runCli(['compare', open, guarded, '--db', 'runs.db', '--fail-on-regression'], { cwd: dir });
    expect(improved.stdout).toContain('Verdict: IMPROVEMENT');
    expect(improved.code).toBe(0);
    expect(improved.stderr).toBe('');
  });
});
