import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { runCli } from './support/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'redline-cli-'));

describe('redline CLI on embedded defaults', () => {
  it('`redline scan` with no arguments scans the demo, prints a table with intervals, and leaves a database, JSON and HTML', async () => {
    const dir = tmp();
    const result = await runCli(['scan'], { cwd: dir });
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SIMULATED');
    expect(result.stdout).toContain('95% CI');
    expect(result.stdout).toMatch(/\[\d+\.\d–\d+\.\d\]/);
    expect(existsSync(join(dir, '.redline', 'redline.db'))).toBe(true);

    const json = result.stdout.match(/json:\s+(\S+)/)![1]!;
    const html = result.stdout.match(/html:\s+(\S+)/)![1]!;
    const summary = JSON.parse(readFileSync(json, 'utf8')) as { schemaVersion: number; runId: string; planned: number; recorded: number; cells: object[]; target: { simulated: boolean } };
    expect(summary.schemaVersion).toBe(2);
    expect(summary.recorded).toBe(summary.planned);
    expect(summary.target.simulated).toBe(true);
    expect(summary.cells[0]).toEqual(expect.objectContaining({ technique: expect.any(String), category: expect.any(String), trials: expect.any(Number), asr: expect.anything(), ciLow: expect.anything(), ciHigh: expect.anything() }));
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Content-Security-Policy');
    expect(page).not.toMatch(/<script|<link |src="http/i);

    const db = openDatabase(join(dir, '.redline', 'redline.db'));
    expect((db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n).toBe(summary.planned);
    db.close();

    const runs = await runCli(['runs'], { cwd: dir });
    expect(runs.stdout).toContain(summary.runId);
    expect(runs.stdout).toContain('completed');
  });

  it('`redline init` writes a valid commented example that `redline scan` accepts', async () => {
    const dir = tmp();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'redline.yaml'), 'utf8')).toContain('# The AI system under test');
    expect((await runCli(['init'], { cwd: dir })).code).toBe(2);
    const scan = await runCli(['scan', '--trials', '1', '--no-reports', '--no-progress'], { cwd: dir });
    expect(scan.code).toBe(0);
  });

  it('a malformed config gives one line naming file and path, a hint, and exit code 2', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'redline.yaml'), 'techniques: [direct-request, role-ply]\n');
    const result = await runCli(['scan'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*redline\.yaml: techniques\[1\]: unknown 'role-ply'\nhint: did you mean 'role-play'/);
    expect(existsSync(join(dir, '.redline'))).toBe(false);
  });

  it('a missing secret env var is a config error naming the variable', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'redline.yaml'), 'target: { type: openai, model: m, baseUrl: "http://127.0.0.1:9/v1", apiKeyEnv: REDLINE_TEST_KEY }\n');
    const result = await runCli(['scan'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('REDLINE_TEST_KEY');
  });

  it('`redline schema` prints JSON Schema; `targets show demo` shows the true probabilities; `list` shows taxonomy', async () => {
    const dir = tmp();
    const schema = JSON.parse((await runCli(['schema'], { cwd: dir })).stdout) as { properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty('target');
    const demo = await runCli(['targets', 'show', 'demo'], { cwd: dir });
    expect(demo.stdout).toContain('SIMULATED');
    expect(demo.stdout).toMatch(/role-play\s+\d+\.\d%/);
    const list = await runCli(['list', 'techniques'], { cwd: dir });
    expect(list.stdout).toContain('AML.T0054');
    expect((await runCli(['list', 'technique'], { cwd: dir })).stderr).toContain("did you mean 'redline list techniques'");
    const converters = (await runCli(['list', 'converters'], { cwd: dir })).stdout;
    expect(converters).toMatch(/caesar\s+.*\n\s+persona: malicious\s+atlas: AML\.T\d+/);
    const datasets = (await runCli(['list', 'datasets'], { cwd: dir })).stdout;
    expect(datasets).toMatch(/xstest\s+.*\n\s+persona: mixed/);
    expect(datasets).toContain('harmbench');
    const layers = (await runCli(['list', 'layers'], { cwd: dir })).stdout;
    expect(layers).toMatch(/spotlight\s+.*\n\s+stage: input\s+effect: rewrite/);
    expect(layers).toMatch(/llama-guard\s+.*\n\s+stage: output\s+effect: block/);
  });

  it('every command has --help', async () => {
    for (const command of ['scan', 'init', 'schema', 'runs', 'report', 'list', 'targets']) {
      const result = await runCli([command, '--help'], { cwd: tmp() });
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain('Usage: redline');
    }
  });
});

describe('gates on scan', () => {
  it('exit 1 when a gate fails, 0 when it passes, 2 for a bad expression before anything is sent', async () => {
    const dir = tmp();
    const failing = await runCli(['scan', '--trials', '2', '--seed', '3', '--no-reports', '--no-progress', '--fail-on', 'asr>0.01'], { cwd: dir });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/Gates \(rates compared at/);
    const passing = await runCli(['scan', '--trials', '2', '--seed', '3', '--no-reports', '--no-progress', '--fail-on', 'category=no-such-category:asr>0.5'], { cwd: dir });
    expect(passing.code).toBe(0);
    const bad = await runCli(['scan', '--no-reports', '--no-progress', '--fail-on', 'asr>>1'], { cwd: tmp() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('asr>>1');
  });
});

describe('techniques show', () => {
  it('shows the attacker instructions of an orchestrator and suggests ids for typos', async () => {
    const shown = await runCli(['techniques', 'show', 'crescendo'], { cwd: tmp() });
    expect(shown.stdout).toContain('arXiv:2404.01833');
    expect(shown.stdout).toContain('needs an attacker');
    expect(shown.stdout).toMatch(/Use gradual escalation over at most 10 messages/);
    expect((await runCli(['techniques', 'show', 'cresendo'], { cwd: tmp() })).stderr).toContain("did you mean 'crescendo'");
  });
});

describe('nothing partial on bad input', () => {
  it('a missing goal file fails before the database is created', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'redline.yaml'), 'goals:\n  - file: missing.jsonl\n');
    const result = await runCli(['scan'], { cwd: dir });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('missing.jsonl');
    expect(existsSync(join(dir, '.redline'))).toBe(false);
  });
});
