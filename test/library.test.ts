import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the library, imported by package name as a user would', () => {
  it('runs the README example', async () => {
    // Resolves through package.json "exports" to the built dist/, exactly what `npm install redline-ai` gives.
    const { scan } = await import('redline-ai');
    const out = mkdtempSync(join(tmpdir(), 'redline-lib-'));
    const result = await scan({
      baseDir: out,
      config: { target: { type: 'demo', defense: 'high' }, trials: 10 },
      env: {},
      reports: { json: join(out, 'summary.json'), html: join(out, 'report.html') },
    });
    expect(result.summary.cells.length).toBeGreaterThan(0);
    for (const cell of result.summary.cells) {
      expect(cell.trials).toBeGreaterThan(0);
      if (cell.asr !== null) expect(cell.ciLow! <= cell.asr && cell.asr <= cell.ciHigh!).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).runId).toBe(result.run.id);
  });
});
