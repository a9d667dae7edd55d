import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withStore } from '../src/api/open-store.js';
import { prepareReviewSample } from '../src/api/review-sample.js';
import { scan } from '../src/api/scan.js';
import { startRun } from '../src/api/start-run.js';
import type { RunSummary } from '../src/stats/summary.js';
import { runCli } from './support/run-cli.js';

/** A finished demo run in a fresh database. */
async function demoRun(): Promise<{ dir: string; database: string; runId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-review-sample-'));
  const database = join(dir, 'redline.db');
  const result = await scan({ baseDir: dir, database, reports: { json: false, html: false }, config: { trials: 6, seed: 3 } });
  return { dir, database, runId: result.run.id };
}

describe('redline review --sample (issue 15)', () => {
  it('walks a person through 50 sampled attempts blind, resumes after quitting, and the summary shows the corrected rate', async () => {
    const { dir, database, runId } = await demoRun();
    // The test plays a person who agrees with the judge: it reads the sample's strata, which the CLI never shows.
    const sample = await withStore(database, (store) => prepareReviewSample(store, { runId, size: 50, now: 1 }));
    expect(sample.items).toHaveLength(50);
    const answers = sample.items.map((item) => (item.stratum === 'success' ? 'y' : 'n'));

    // First sitting: an unknown key, three labels, a skip, then quit.
    const first = await runCli(['review', runId, '--sample', '50', '--db', database, '--reviewer', 'tester'], { cwd: dir, input: ['x', ...answers.slice(0, 3), 's', 'q'].join('\n') });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/review sample of run .*: 50 attempts drawn at random within each judge verdict .*; 0 labeled, 50 to go\. The judge's verdict is hidden\./);
    expect(first.stdout).toContain('── 1 of 50 ──');
    expect(first.stdout).toMatch(/Did the (attack work|target fail this ordinary user)/);
    // Blind: no outcome, no scores, not the simulator's own branch.
    expect(first.stdout).not.toMatch(/decides the outcome|^score |demoBranch/m);
    expect(first.stdout).toMatch(/labeled 3 now; 3 of 50 sampled attempts labeled in all \(run the same command to go on\)/);

    // Second sitting resumes with the skipped attempt, then the rest.
    const second = await runCli(['review', runId, '--sample', '50', '--db', database, '--reviewer', 'tester'], { cwd: dir, input: answers.slice(3).join('\n') });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/3 labeled, 47 to go/);
    expect(second.stdout).toMatch(/labeled 47 now; 50 of 50 sampled attempts labeled in all\n/);
    expect(second.stdout).toMatch(/Human-sample-corrected rates \(50 of 50 sampled attempts labeled/);

    const report = await runCli(['report', runId, '--db', database, '--format', 'json'], { cwd: dir });
    const summary = JSON.parse(report.stdout) as RunSummary;
    expect(summary.reviewSample).toEqual({ drawn: 50, labeled: 50 });
    const malicious = summary.overall.find((o) => o.persona === 'malicious')!;
    // A person who agrees with the judge everywhere leaves the rate where it was, with an honest interval around it.
    expect(malicious.sampleCorrected!.asr).toBeCloseTo(malicious.asr!, 10);
    expect(malicious.sampleCorrected!.ciLow).toBeLessThan(malicious.asr!);
    expect(malicious.sampleCorrected!.ciHigh).toBeGreaterThan(malicious.asr!);
    // The labels are stored with who gave them.
    const stored = await withStore(database, (store) => store.reviews.get({ runId, seq: sample.items[0]!.seq }));
    expect(stored).toMatchObject({ reviewer: 'tester', verdict: answers[0] === 'y' ? 'success' : 'failure' });
  });

  it('a person who finds the judge\'s successes wrong moves the corrected rate to zero; the raw rate stays the judge\'s elsewhere', async () => {
    const { dir, database, runId } = await demoRun();
    const sample = await withStore(database, (store) => prepareReviewSample(store, { runId, size: 40, now: 1 }));
    const cli = await runCli(['review', runId, '--sample', '40', '--db', database], { cwd: dir, input: sample.items.map(() => 'n').join('\n') });
    expect(cli.code).toBe(0);
    const summary = JSON.parse((await runCli(['report', runId, '--db', database, '--format', 'json'], { cwd: dir })).stdout) as RunSummary;
    const malicious = summary.overall.find((o) => o.persona === 'malicious')!;
    expect(malicious.asr!).toBeGreaterThan(0.1);
    expect(malicious.sampleCorrected!.asr).toBe(0);
    expect(malicious.sampleCorrected!.ciHigh).toBeLessThan(malicious.asr!);
  });

  it('refuses a sample of a running run, a bad size, and --sample with an attempt number', async () => {
    const { dir, database, runId } = await demoRun();
    expect((await runCli(['review', runId, '--sample', '0', '--db', database], { cwd: dir })).stderr).toMatch(/--sample must be a whole number ≥ 1/);
    const both = await runCli(['review', runId, '3', '--sample', '5', '--db', database], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--sample .* takes no SEQ/);
    expect((await runCli(['review', runId, '--db', database], { cwd: dir })).stderr).toMatch(/needs an attempt number, or --sample N/);
    // A run still running would leave out what it records later: its sample waits until it stops.
    await withStore(database, async (store) => {
      const { run } = await startRun(store, { config: { trials: 1 } });
      await expect(prepareReviewSample(store, { runId: run.id, size: 5, now: 1 })).rejects.toThrow(/is still running: a review sample is drawn from a run that stopped/);
    });
  });

  it('compare sets two runs\' corrected rates side by side with the difference and its interval', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-review-compare-'));
    const database = join(dir, 'redline.db');
    const runs: string[] = [];
    for (const defense of ['none', 'high'] as const) {
      const { run } = await scan({ baseDir: dir, database, reports: { json: false, html: false }, config: { target: { type: 'demo', defense }, trials: 6, seed: 3 } });
      runs.push(run.id);
      // A person who agrees with the judge labels 60 sampled attempts of each run.
      await withStore(database, async (store) => {
        const sample = await prepareReviewSample(store, { runId: run.id, size: 60, now: 1 });
        for (const item of sample.items) await store.reviews.set({ runId: run.id, seq: item.seq, review: { verdict: item.stratum, reviewer: 'tester', reviewedAt: 2 } });
      });
    }
    const cli = await runCli(['compare', runs[0]!, runs[1]!, '--db', database, '--json', join(dir, 'cmp.json')], { cwd: dir });
    expect(cli.stdout).toMatch(/Human-sample-corrected \(malicious\): A \d+\.\d% \[.*\] \(\d+ labeled\), B \d+\.\d% \[.*\] \(\d+ labeled\); B − A −\d+\.\d pp \[−\d+\.\d pp, [−+]\d+\.\d pp\]/);
    const comparison = JSON.parse(readFileSync(join(dir, 'cmp.json'), 'utf8')) as { sampleCorrected: { persona: string; difference: { estimate: number; low: number; high: number } }[] };
    const malicious = comparison.sampleCorrected.find((r) => r.persona === 'malicious')!;
    // A high defense lowers the rate; the difference's interval lies below zero.
    expect(malicious.difference.estimate).toBeLessThan(0);
    expect(malicious.difference.high).toBeLessThan(0);
  });
});
