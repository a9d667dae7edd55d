import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'redline-select-'));

describe('choosing what a scan runs (issue 14)', () => {
  it('--dry-run prints the plan per cell with a token estimate and sends and stores nothing; selections narrow it', async () => {
    const dir = tmp();
    const full = await runCli(['scan', '--dry-run'], { cwd: dir });
    expect(full.code).toBe(0);
    const planned = Number(/dry run: (\d+) attempts/.exec(full.stdout)?.[1]);
    expect(planned).toBeGreaterThan(100);
    expect(full.stdout).toMatch(/estimated prompt tokens: ~[\d,]+ for the first turns/);
    expect(full.stdout).toContain('estimated cost: no price for the target');
    expect(existsSync(join(dir, '.redline'))).toBe(false);

    const narrow = await runCli(['scan', '--dry-run', '--owasp', 'LLM07', '--converter', 'none'], { cwd: dir });
    const rows = narrow.stdout.split('\n').slice(2, -3);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^extract-repeat-above\s+none\s+system-prompt-leakage\s+\d+/);

    const sample = await runCli(['scan', '--dry-run', '--goals-sample', '4', '--technique', 'direct-request'], { cwd: dir });
    expect(sample.stdout).toContain('(4 goals, 1 technique, 2 converter chains)');
    expect(await runCli(['scan', '--dry-run', '--goals-sample', '4', '--technique', 'direct-request'], { cwd: dir })).toMatchObject({ stdout: sample.stdout });
  });

  it('--max-attempts refuses a larger plan before anything is sent; a narrowed scan runs and stores only its cells', async () => {
    const dir = tmp();
    const refused = await runCli(['scan', '--max-attempts', '10', '--no-progress'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the plan has \d+ attempts, more than the limit of 10/);
    expect(existsSync(join(dir, '.redline'))).toBe(false);

    const scanned = await runCli(['scan', '--category', 'priv*', '--technique', 'role-play', '--no-progress', '--no-reports'], { cwd: dir });
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toMatch(/^role-play \+ base64\s+privacy\s/m);
    expect(scanned.stdout).toMatch(/^role-play\s+privacy\s/m);
    // No row of another technique or category.
    expect(scanned.stdout).not.toMatch(/^(direct-request|instruction-override|extract-repeat-above)\b/m);
    expect(scanned.stdout).not.toMatch(/\s(fraud|hate|benign|system-prompt-leakage|cyber-misuse)\s+\d+\s/);

    const unknown = await runCli(['scan', '--category', 'weapons-of-nothing', '--no-progress'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('select.categories keeps none of the goals (their categories:');
  });
});
