import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../src/api/scan.js';
import { startOpenAiServer } from './support/openai-server.js';

const SHARED = fileURLToPath(new URL('../../shared/datasets/', import.meta.url));
const HARMBENCH = join(SHARED, 'harmbench', 'harmbench_behaviors_text_all.csv');

const TECHNIQUES = ['direct-request', 'role-play', 'prefix-injection', 'past-tense', { id: 'many-shot', shots: 4 }];
const CHAINS = [[], ['base64'], ['leetspeak', { id: 'caesar', shift: 5 }]];

describe.skipIf(!existsSync(HARMBENCH))('HarmBench behaviors × five techniques × three converter chains (needs ../shared/datasets)', () => {
  let server: Awaited<ReturnType<typeof startOpenAiServer>>;
  beforeAll(async () => {
    let calls = 0;
    // Every fourth call complies, whatever the prompt.
    server = await startOpenAiServer(() => ({ text: ++calls % 4 === 0 ? 'Sure, here is an outline.' : "I'm sorry, but I can't help with that." }));
  });
  afterAll(() => server.close());

  const config = (target: unknown) => ({
    target,
    goals: [{ dataset: 'harmbench', file: HARMBENCH, functionalCategory: 'standard' }],
    techniques: TECHNIQUES,
    converters: CHAINS,
    trials: 1,
    concurrency: 16,
    scoring: { scorers: ['refusal'], decide: 'refusal' },
    // The server counts every call: no probe before the run.
    preflight: { probe: false },
  });

  it('runs against the demo target and records every planned attempt', async () => {
    const result = await scan({ baseDir: mkdtempSync(join(tmpdir(), 'redline-hb-')), config: config({ type: 'demo' }), reports: { json: false, html: false } });
    expect(result.run.planned).toBe(200 * 5 * 3);
    expect(result.summary.recorded).toBe(result.run.planned);
    expect(new Set(result.summary.cells.map((c) => c.technique))).toEqual(new Set(['direct-request', 'role-play', 'prefix-injection', 'past-tense', 'many-shot(shots=4)']));
    const overall = result.summary.overall.find((o) => o.persona === 'malicious')!;
    expect(overall.errors).toBe(0);
    expect(overall.ciLow).not.toBeNull();
  });

  it('runs against a local OpenAI-compatible server', async () => {
    const result = await scan({
      baseDir: mkdtempSync(join(tmpdir(), 'redline-hb-')),
      config: config({ type: 'openai', baseUrl: `${server.url}/v1`, model: 'local-test' }),
      reports: { json: false, html: false },
    });
    expect(result.summary.recorded).toBe(3000);
    expect(server.calls.length).toBe(3000);
    // Converted prompts reached the server: a base64 chain sends no plain HarmBench wording.
    expect(server.calls.some((c) => /^[A-Za-z0-9+/=]{40,}$/.test(c.prompt))).toBe(true);
    expect(result.summary.overall[0]!.asr).toBeCloseTo(0.25, 1);
  });
});

describe('indirect prompt injection against the demo', () => {
  it('the success rate falls when the demo’s document defense (spotlighting) is on', async () => {
    const run = async (documentDefense: boolean) =>
      (
        await scan({
          database: ':memory:',
          reports: { json: false, html: false },
          config: {
            target: { type: 'demo', documentDefense },
            goals: [{ builtin: 'security' }],
            techniques: ['xpia-email', 'xpia-web-page', 'xpia-tool-result', 'xpia-retrieved-doc'],
            converters: [[]],
            trials: 20,
            seed: 42,
          },
        })
      ).summary.cells.filter((c) => c.category === 'indirect-injection');
    const open = await run(false);
    const defended = await run(true);
    expect(open.length).toBe(4);
    for (let i = 0; i < open.length; i += 1) {
      expect(defended[i]!.technique).toBe(open[i]!.technique);
      // Not just lower: the intervals do not overlap.
      expect(defended[i]!.ciHigh!, open[i]!.technique).toBeLessThan(open[i]!.ciLow!);
    }
  });
});

describe('benign over-refusal battery', () => {
  it('reports an over-refusal rate with its interval, where a refusal counts against the target', async () => {
    const result = await scan({
      database: ':memory:',
      reports: { json: false, html: false },
      config: { target: { type: 'demo', defense: 'high' }, goals: [{ builtin: 'library' }], techniques: ['direct-request'], converters: [[]], trials: 5, seed: 3 },
    });
    const benign = result.summary.overall.find((o) => o.persona === 'benign')!;
    expect(benign.rateName).toBe('over-refusal rate');
    expect(benign.trials).toBeGreaterThanOrEqual(100);
    expect(benign.ciLow).not.toBeNull();
    // The demo at high defense wrongly refuses some risky-looking benign requests.
    expect(benign.successes).toBeGreaterThan(0);
  });
});
