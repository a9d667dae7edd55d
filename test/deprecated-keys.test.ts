import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const project = (yaml: string): string => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'redline-deprecated-')));
  writeFileSync(join(dir, 'redline.yaml'), yaml);
  return dir;
};

const translator = '{ type: openai, baseUrl: "http://127.0.0.1:9/v1", model: t }';

describe('deprecated configuration keys', () => {
  it('a top-level model role still scans, with one warning line naming the file and the new spelling', async () => {
    const dir = project(`translator: ${translator}\ntechniques: [direct-request]\nconverters: [[]]\n`);
    const result = await runCli(['scan', '--trials', '1', '--no-reports', '--no-progress'], { cwd: dir });
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toEqual([`warning: ${join(dir, 'redline.yaml')}: 'translator' is deprecated; write it as models.translator`]);
  });

  it('a role given both ways is a configuration error', async () => {
    const dir = project(`translator: ${translator}\nmodels:\n  translator: ${translator}\n`);
    const result = await runCli(['scan', '--no-progress'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*redline\.yaml: translator: .*models\.translator\nhint: keep models\.translator/);
  });
});
