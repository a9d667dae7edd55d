import { describe, expect, it } from 'vitest';
import { resumeCommandLine } from './resume-command-line.js';

describe('resumeCommandLine', () => {
  it('repeats where the database and reports are, the output switches and the gates, quoted for a shell', () => {
    expect(resumeCommandLine('r-1', { reports: true, progress: true })).toBe('redline scan --resume r-1');
    expect(resumeCommandLine('r-1', {
      config: 'my scan.yaml', db: 'out/runs.db', json: 'a.json', reports: false, progress: false,
      failOn: ['category=self-harm:asr>0', 'asr>0.05'], gateBound: 'point', allowUndecided: true,
    })).toBe("redline scan --resume r-1 --config 'my scan.yaml' --db out/runs.db --json a.json --no-reports --no-progress "
      + "--fail-on 'category=self-harm:asr>0' --fail-on 'asr>0.05' --gate-bound point --allow-undecided");
  });

  it('escapes a single quote inside a quoted word', () => {
    expect(resumeCommandLine('r-1', { db: "it's.db", reports: true, progress: true })).toBe(`redline scan --resume r-1 --db 'it'\\''s.db'`);
  });
});
