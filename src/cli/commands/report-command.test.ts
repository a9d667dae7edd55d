import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scan } from '../../api/scan.js';
import { configSchema } from '../../config/schema.js';
import { ConfigError } from '../../core/errors.js';
import { exitCodeFor } from '../report-error.js';
import { EXIT } from '../exit-codes.js';
import { runReportCommand } from './report-command.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-report-'));
const db = join(dir, 'redline.db');
const config = join(dir, 'redline.yaml');
let runId = '';

const stdout = () => vi.mocked(process.stdout.write).mock.calls.map(([chunk]) => String(chunk)).join('');
const stderr = () => vi.mocked(process.stderr.write).mock.calls.map(([chunk]) => String(chunk)).join('');

beforeAll(async () => {
  writeFileSync(config, '');
  const result = await scan({ config: { trials: 3, seed: 11, target: { type: 'demo', defense: 'none' } }, database: db, reports: { json: false, html: false } });
  runId = result.run.id;
});

afterEach(() => vi.restoreAllMocks());

function report(options: Parameters<typeof runReportCommand>[1]): Promise<number> {
  vi.restoreAllMocks();
  vi.spyOn(process.stdout, 'write').mockReturnValue(true);
  vi.spyOn(process.stderr, 'write').mockReturnValue(true);
  return runReportCommand(runId, { db, config, ...options });
}

describe('redline report', () => {
  it('prints each format to stdout, and writes it with --out', async () => {
    expect(await report({ format: 'md' })).toBe(EXIT.ok);
    expect(stdout()).toMatch(/^### Redline run <code>r-.*<\/code>: \d+ cells with observed successes \(no gates set\)/);
    expect(await report({ format: 'csv' })).toBe(EXIT.ok);
    expect(stdout()).toMatch(/^run_id,target,simulated,technique,/);
    expect(await report({ format: 'json' })).toBe(EXIT.ok);
    expect(JSON.parse(stdout())).toMatchObject({ runId, schemaVersion: 2 });
    const out = join(dir, 'out', 'report.sarif');
    expect(await report({ format: 'sarif', out })).toBe(EXIT.ok);
    expect(stdout()).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    // The configuration lies outside the working tree, so results point at the default redline.yaml (GitHub code
    // scanning needs a file) and name the target as their logical location.
    expect(sarif.runs[0].results[0].locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'redline.yaml' }, region: { startLine: 1 } },
      logicalLocations: [expect.objectContaining({ name: 'demo:northwind-bank@defense-none' })],
    });
  });

  it('exits 1 when a gate fails and says which, 0 when all pass', async () => {
    expect(await report({ format: 'junit', failOn: ['asr>0.05'] })).toBe(EXIT.gateFailed);
    expect(stdout()).toContain('<failure type="gate" message="fails gate asr&gt;0.05');
    expect(stderr()).toMatch(/FAIL {2}asr>0\.05: \d+ of \d+ cell\(s\)/);
    expect(await report({ format: 'junit', failOn: ['asr>1'], gateBound: 'point' })).toBe(EXIT.ok);
    expect(stderr()).toContain('pass  asr>1');
  });

  it.skipIf(!configSchema.safeParse({ gates: {} }).success)('takes gates from the configuration, which --fail-on replaces (skipped until the config schema has `gates`)', async () => {
    writeFileSync(config, 'gates:\n  failOn: ["severity>=low"]\n');
    try {
      expect(await report({ format: 'csv' })).toBe(EXIT.gateFailed);
      expect(await report({ format: 'csv', failOn: ['category=none-such:asr>0'] })).toBe(EXIT.ok);
    } finally {
      writeFileSync(config, '');
    }
  });

  it('refuses a bad expression, format or bound with a config error (exit 2) before writing anything', async () => {
    const out = join(dir, 'never.md');
    for (const options of [{ failOn: ['asr>>1'], out }, { format: 'pdf' }, { gateBound: 'middle' }]) {
      let error: unknown;
      try {
        await report({ format: 'md', ...options });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect(exitCodeFor(error)).toBe(EXIT.config);
    }
    expect(() => readFileSync(out)).toThrow();
  });

  it('without --format keeps printing the table and writing JSON and HTML', async () => {
    expect(await report({})).toBe(EXIT.ok);
    expect(stdout()).toContain('95% CI');
    expect(stdout()).toMatch(/json: .*\.json\nhtml: .*\.html\n/);
  });
});
