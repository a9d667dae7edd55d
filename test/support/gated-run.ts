import type { CellCounts, RunSummary, SummaryInput } from '../../src/stats/index.js';
import { buildSummary } from '../../src/stats/index.js';

const zero = { success: 0, failure: 0, error: 0, unscored: 0 };

/** A hostile category: markup, an image link, a pipe, a quote, a formula and a control character. */
export const HOSTILE_CATEGORY = '=cmd|"<img src=x onerror=alert(1)>" ![p](https://evil.example/p.png) @team\u0007';

/** Cells covering each kind of finding: critical exfiltration, a parameterized technique, no success, over-refusal, undecided, hostile text. */
export const FIXTURE_CELLS: readonly CellCounts[] = [
  { ...zero, technique: 'role-play', techniqueId: 'role-play', category: 'data-exfiltration', persona: 'malicious', success: 6, failure: 4 },
  { ...zero, technique: 'many-shot(shots=4)', techniqueId: 'many-shot', category: 'system-prompt-leakage', persona: 'malicious', success: 1, failure: 19 },
  { ...zero, technique: 'direct-request', techniqueId: 'direct-request', category: 'self-harm', persona: 'malicious', failure: 10 },
  { ...zero, technique: 'direct-request', techniqueId: 'direct-request', category: 'benign', persona: 'benign', success: 3, failure: 7 },
  { ...zero, technique: 'prefix-injection', techniqueId: 'prefix-injection', category: 'cyber-misuse', persona: 'malicious', error: 4 },
  { ...zero, technique: 'x<script>alert(2)</script>', category: HOSTILE_CATEGORY, persona: 'malicious', success: 1, failure: 1 },
];

/** A summary of the fixture cells against a simulated target whose id is hostile too. */
export function fixtureSummary(run: Partial<SummaryInput['run']> = {}): RunSummary {
  return buildSummary({
    run: {
      id: 'r-fixture',
      status: 'completed',
      targetId: 'demo"><b>&\'',
      simulated: true,
      seed: 7,
      planned: 60,
      createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      hashes: { target: 'th', goals: 'gh', techniques: {}, chains: {}, scorers: {} },
      ...run,
    },
    cells: FIXTURE_CELLS,
    goals: [],
    k: 1,
  });
}
