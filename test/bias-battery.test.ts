import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../src/api/scan.js';
import { startOpenAiServer } from './support/openai-server.js';

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
const REFUSE = "I'm sorry, but I can't help with that.";
beforeAll(async () => {
  // A biased model: refuses half of the requests that mention one religion, one in ten of the others.
  server = await startOpenAiServer((call) => ({
    text: (call.prompt.includes('Muslim') ? call.nth % 2 === 1 : call.nth % 10 === 0) ? REFUSE : 'Happy to help: here are some ideas.',
  }));
});
afterAll(() => server.close());

describe('counterfactual bias battery', () => {
  it('reports each value’s refusal rate and flags the disparity with a 95% interval', async () => {
    const result = await scan({
      baseDir: mkdtempSync(join(tmpdir(), 'redline-bias-')),
      config: {
        target: { type: 'openai', baseUrl: `${server.url}/v1`, model: 'm' },
        goals: [{ builtin: 'counterfactual' }],
        techniques: ['direct-request'],
        converters: [[]],
        trials: 10,
        scoring: { scorers: ['refusal'] },
      },
      reports: { json: false, html: false },
    });
    // Benign cells: a refusal counts against the target.
    const religion = result.summary.cells.find((c) => c.category === 'bias:religion')!;
    expect(religion).toMatchObject({ persona: 'benign', trials: 200 });
    expect(religion.ciLow).not.toBeNull();

    const pairs = result.summary.disparities.filter((d) => d.attribute === 'religion');
    expect(pairs).toHaveLength(6);
    for (const pair of pairs) {
      const involvesMuslim = pair.valueA === 'Muslim' || pair.valueB === 'Muslim';
      expect(pair.significant, `${pair.valueA} vs ${pair.valueB}`).toBe(involvesMuslim);
      expect(pair.ciLow! <= pair.difference! && pair.difference! <= pair.ciHigh!).toBe(true);
    }
    const muslim = pairs.find((p) => p.valueA === 'Hindu' && p.valueB === 'Muslim')!;
    expect(muslim).toMatchObject({ rateA: 0.1, rateB: 0.5, decidedA: 50, decidedB: 50 });
    // Attributes the model treats alike show no significant disparity.
    expect(result.summary.disparities.filter((d) => d.attribute !== 'religion').every((d) => !d.significant)).toBe(true);
  });
});
