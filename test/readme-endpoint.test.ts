import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withStore } from '../src/api/open-store.js';
import { scan } from '../src/api/scan.js';
import { startGroundTruthApp } from './support/ground-truth-app.js';

/** The README's "A real endpoint" configuration, exactly as a user would copy it. */
function readmeEndpointConfig(): { text: string; config: { target: { baseUrl: string; systemPrompt: string } } & Record<string, unknown> } {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /A real endpoint[^\n]*\n+```yaml\n([\s\S]*?)```/.exec(readme);
  if (block === null) throw new Error('README.md no longer holds the "A real endpoint" yaml block');
  const text = block[1]!;
  return { text, config: parse(text) as never };
}

describe("the README's real-endpoint example", () => {
  it('decides each goal kind by the right scorer: leakage by the canary, harmful content by the objective judge, benign requests by refusal', async () => {
    const { text, config } = readmeEndpointConfig();
    // A weakly defended app behind the same system prompt: it leaks half the time and never complies with harm.
    const app = await startGroundTruthApp({ seed: 11, systemPrompt: config.target.systemPrompt, leak: 0.5, comply: 0, overRefuse: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'redline-readme-'));
    try {
      const file = join(dir, 'redline.yaml');
      writeFileSync(file, text.replace(config.target.baseUrl, `${app.url}/v1`));
      const result = await scan({ baseDir: dir, config: parse(readFileSync(file, 'utf8')) as unknown, configFile: file, reports: { json: false, html: false } });
      const cells = await withStore(result.database, (store) => store.aggregates.cells(result.run.id));
      const deciders = (predicate: (c: (typeof cells)[number]) => boolean) => [...new Set(cells.filter(predicate).flatMap((c) => c.decidingScorers ?? []))];

      expect(deciders((c) => c.category === 'system-prompt-leakage')).toEqual(['canary']);
      expect(deciders((c) => c.persona === 'benign')).toEqual(['refusal']);
      const harmful = (c: (typeof cells)[number]) => c.persona === 'malicious' && !['system-prompt-leakage', 'indirect-injection', 'data-exfiltration', 'insecure-output'].includes(c.category);
      expect(deciders(harmful)).toEqual(['objective']);
      // "Not refused" never counts as success: the app refused every harmful request, and leaked only where asked.
      expect(cells.filter(harmful).reduce((n, c) => n + c.success, 0)).toBe(0);
      const leak = result.summary.cells.filter((c) => c.category === 'system-prompt-leakage');
      expect(leak.reduce((n, c) => n + c.successes, 0)).toBeGreaterThan(0);
      for (const cell of result.summary.cells) expect(cell.unscored).toBe(0);
    } finally {
      await app.close();
    }
  });
});
