import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGroundTruthApp } from './support/ground-truth-app.js';
import { runCli } from './support/run-cli.js';

// A target that answers 401 to everything. Without the probe and with the error budget off, the run completes with
// every attempt an error: nothing was measured, and no gate, JUnit file or SARIF log may read that as safe.
let app: Awaited<ReturnType<typeof startGroundTruthApp>>;
let dir: string;
let runId: string;
const report = (args: readonly string[]) => runCli(['report', runId, ...args], { cwd: dir });

beforeAll(async () => {
  app = await startGroundTruthApp({ seed: 1, status: 401 });
  dir = mkdtempSync(join(tmpdir(), 'redline-fail-closed-'));
  writeFileSync(
    join(dir, 'redline.yaml'),
    `target: { type: openai, baseUrl: "${app.url}/v1", model: chat }\ntechniques: [direct-request]\nconverters: [[]]\ntrials: 2\nretry: { maxRetries: 0 }\nerrorBudget: { stop: false }\n`,
  );
  const scan = await runCli(['scan', '--no-progress', '--no-probe', '--fail-on', 'asr>0.05'], { cwd: dir });
  runId = /run (r-[\w-]+)/.exec(scan.stderr)![1]!;
  // Before: exit 0, "pass asr>0.05". Now the unmeasured cells fail the gate.
  expect(scan.code).toBe(1);
  expect(scan.stderr).toMatch(/FAIL {2}asr>0\.05: \d+ of \d+ cell\(s\)/);
  expect(scan.stderr).toContain('not measured: no decided attempt (2 errors, 0 unscored)');
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe('reports of a run that measured nothing fail closed (#2)', () => {
  it('gates on errors: errors>0 and error-rate>0.5 fail; --allow-undecided lets rate gates pass but not error gates', async () => {
    expect((await report(['--format', 'md', '--fail-on', 'errors>0'])).code).toBe(1);
    expect((await report(['--format', 'md', '--fail-on', 'error-rate>0.5'])).code).toBe(1);
    expect((await report(['--format', 'md', '--fail-on', 'asr>0.05', '--allow-undecided'])).code).toBe(0);
    expect((await report(['--format', 'md', '--fail-on', 'asr>0.05', '--fail-on', 'errors>0', '--allow-undecided'])).code).toBe(1);
  });

  it('JUnit counts every unmeasured cell as an error', async () => {
    const junit = await report(['--format', 'junit', '--fail-on', 'asr>0.05']);
    const suite = /<testsuite [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)"/.exec(junit.stdout)!;
    expect(Number(suite[1])).toBeGreaterThan(0);
    expect(suite[3]).toBe(suite[1]);
    expect(suite[2]).toBe('0');
    expect(junit.stdout).toContain('<error type="not-measured" message="could not measure: no decided attempt (2 errors, 0 unscored)">');
  });

  it('SARIF has no result but an unsuccessful invocation with a notification naming the unmeasured cells', async () => {
    const sarif = JSON.parse((await report(['--format', 'sarif', '--fail-on', 'asr>0.05'])).stdout);
    const run = sarif.runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: 'error', descriptor: { id: 'redline/cell-not-measured' } });
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^\d+ cell\(s\) could not be measured \(no decided attempt\): direct-request × /);
  });

  it('a run the error budget stopped fails every gate, and its reports say it could not measure the target', async () => {
    const failedDir = mkdtempSync(join(tmpdir(), 'redline-fail-closed-'));
    writeFileSync(join(failedDir, 'redline.yaml'), `target: { type: openai, baseUrl: "${app.url}/v1", model: chat }\ntrials: 5\nconcurrency: 1\nretry: { maxRetries: 0 }\n`);
    const scan = await runCli(['scan', '--no-progress', '--no-probe'], { cwd: failedDir });
    expect(scan.code).toBe(5);
    const failedRun = /run (r-[\w-]+)/.exec(scan.stderr)![1]!;
    const md = await runCli(['report', failedRun, '--format', 'md', '--fail-on', 'category=self-harm:asr>0.9'], { cwd: failedDir });
    expect(md.code).toBe(1);
    expect(md.stdout.split('\n')[0]).toContain('❌ could not measure the target');
    expect(md.stdout).toContain('**The run could not measure the target:** the target kept failing');
    const sarif = JSON.parse((await runCli(['report', failedRun, '--format', 'sarif'], { cwd: failedDir })).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: 'error', descriptor: { id: 'redline/run-not-measured' } });
    const junit = (await runCli(['report', failedRun, '--format', 'junit'], { cwd: failedDir })).stdout;
    expect(junit).toContain('<error type="run-failed" message="could not measure: the target kept failing');
  });
});
