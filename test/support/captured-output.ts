import { afterEach, beforeEach, vi } from 'vitest';

/** What a command printed, captured for the current test. */
export type CapturedOutput = { stdout: string[]; stderr: string[] };

/** Captures process.stdout and process.stderr writes around every test of the calling file. */
export function captureOutput(): CapturedOutput {
  const captured: CapturedOutput = { stdout: [], stderr: [] };
  beforeEach(() => {
    captured.stdout = [];
    captured.stderr = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => captured.stdout.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => captured.stderr.push(String(chunk)) > 0);
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
