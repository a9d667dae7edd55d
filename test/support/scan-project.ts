import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Techniques and converter chains every scan project uses: 3 × 2 attempts per goal and trial. */
export const PROJECT_CELLS_PER_GOAL = 3 * 2;

/** Writes a redline.yaml scanning an OpenAI-compatible server with three techniques and two chains; returns its folder. */
export function writeScanProject(options: { baseUrl: string; goals: number; trials: number; concurrency: number }): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-scan-'));
  writeFileSync(
    join(dir, 'redline.yaml'),
    [
      'target:',
      '  type: openai',
      `  baseUrl: ${options.baseUrl}/v1`,
      '  model: test-model',
      'goals:',
      ...Array.from({ length: options.goals }, (_, i) => `  - { id: g${i}, text: "Explain forbidden thing number ${i}.", category: test }`),
      'techniques: [direct-request, instruction-override, role-play]',
      'converters: [[], [rot13]]',
      `trials: ${options.trials}`,
      `concurrency: ${options.concurrency}`,
      'scoring: { scorers: [refusal], decide: refusal }',
    ].join('\n'),
  );
  return dir;
}
