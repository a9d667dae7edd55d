// Issue 19's evasion acceptance: HopSkipJump against the demo digit classifier behind ONNX and HTTP, label-only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlScan } from '../src/api/ml-scan.js';
import { openStore } from '../src/api/open-store.js';
import { queriesForShare, type EvasionAttackSummary } from '../src/stats/evasion-summary.js';
import { DIGIT_VICTIM_WEIGHTS } from '../src/ml/demo/digit-victim-weights.js';
import { unpackMlp } from '../src/ml/mlp-weights.js';
import { mlpToOnnx } from '../src/ml/onnx/mlp-to-onnx.js';
import { startClassifierServer, type ClassifierServer } from './support/classifier-server.js';
import { runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-ml-acceptance-'));
const labels = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const input = { shape: [784], min: 0, max: 1, image: { height: 28, width: 28, channels: 1 } };
const onnxTarget = (access: 'label' | 'scores') => ({ type: 'onnx', path: 'digits.onnx', labels, input, access });
let server: ClassifierServer;

beforeAll(async () => {
  writeFileSync(join(dir, 'digits.onnx'), mlpToOnnx(unpackMlp(DIGIT_VICTIM_WEIGHTS)));
  server = await startClassifierServer({ labelOnly: true });
});
afterAll(() => server.close());

describe('HopSkipJump against the demo digit classifier, label-only', () => {
  let hsj: EvasionAttackSummary;

  it('over ONNX, through the CLI: evades at least 90 of 100 correctly classified digits within 10,000 queries each, L2 ≤ 1.96', async () => {
    writeFileSync(join(dir, 'hsj.json'), JSON.stringify({
      target: onnxTarget('label'), count: 100, seed: 2026, concurrency: 2, attacks: [{ id: 'hop-skip-jump', budget: 10_000 }],
    }));
    const cli = await runCli(['ml', 'scan', '--config', 'hsj.json', '--db', 'runs.db', '--json', '--no-progress'], { cwd: dir });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    hsj = (JSON.parse(cli.stdout) as { attacks: EvasionAttackSummary[] }).attacks[0]!;
    expect(hsj.success.n).toBe(100);
    expect(hsj.success.successes).toBeGreaterThanOrEqual(90);
    // The median L2 shrinks as the budget grows (1,000 → 2,000 → 5,000 → 10,000 queries).
    const medians = hsj.curve.map((c) => c.medianDistance);
    expect(hsj.curve.map((c) => c.queries)).toEqual([1000, 2000, 5000, 10_000]);
    for (let i = 1; i < medians.length; i += 1) expect(medians[i]!).toBeLessThan(medians[i - 1]!);
    expect(hsj.median.l2).toBeLessThan(1.96);
    console.info(`hop-skip-jump over ONNX: ${hsj.success.successes}/100, median L2 by budget ${medians.map((m) => m.toFixed(3)).join(' → ')}, median queries to the bound ${hsj.medianQueries}`);
  }, 240_000);

  it('a score-based attack (SimBA) needs fewer queries than HopSkipJump for the same share of digits evaded', async () => {
    const store = openStore(join(dir, 'runs.db'));
    const result = await mlScan({
      config: { target: onnxTarget('scores'), count: 100, seed: 2026, attacks: [{ id: 'simba', budget: 10_000 }] }, baseDir: dir, store,
    });
    await store.close();
    const [simba] = result.summary.attacks;
    const share = Math.min(simba!.success.successes, hsj.success.successes) / 100;
    expect(share).toBeGreaterThanOrEqual(0.3);
    const simbaQueries = queriesForShare(simba!, share)!;
    const hsjQueries = queriesForShare(hsj, share)!;
    expect(simbaQueries).toBeLessThan(hsjQueries);
    console.info(`at ${Math.round(share * 100)} % of digits evaded (L2 ≤ 1.96): simba ${simbaQueries} queries, hop-skip-jump ${hsjQueries}`);
  }, 120_000);

  it('over HTTP with batched requests: the same figures as the same victim in process, attempt for attempt', async () => {
    const attacks = [{ id: 'hop-skip-jump', budget: 10_000 }];
    const http = { type: 'http-classifier', url: server.url, labels, input, batchSize: 100, access: 'label' };
    const store = openStore(':memory:');
    const overHttp = await mlScan({ config: { target: http, count: 6, seed: 9, attacks }, store });
    const inProcess = await mlScan({ config: { target: { type: 'demo-digits', access: 'label' }, count: 6, seed: 9, attacks }, store });
    const [a, b] = [overHttp, inProcess].map((r) => r.summary.attacks[0]!);
    expect(a!.success).toEqual(b!.success);
    expect(a!.queriesToBound).toEqual(b!.queriesToBound);
    expect(a!.success.successes).toBeGreaterThanOrEqual(5);
    // Every probe batch went as requests of at most 100 inputs, each one request through the rate limiter.
    expect(Math.max(...server.requests.map((r) => r.inputs))).toBeLessThanOrEqual(100);
    await store.close();
  }, 240_000);
});
