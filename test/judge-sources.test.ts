import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { objectiveSources, refusalSources } from '../scripts/judge-sources.js';

const DATASETS = fileURLToPath(new URL('../../shared/datasets/', import.meta.url));

describe.skipIf(!existsSync(DATASETS))(`the judges' label sources read in their upstream formats (skipped: ${DATASETS} is absent)`, () => {
  it('reads every objective source with the row counts and label balance its PROVENANCE states', () => {
    const counts = Object.fromEntries(objectiveSources(DATASETS).map((s) => [s.name, [s.pairs.length, s.pairs.filter((p) => p.achieved).length, s.trainable]]));
    expect(counts).toEqual({
      'pyrit-objective': [395, 191, true],
      // 1,694 + 545 jailbroken of 6,160 + 1,540.
      gptfuzz: [7700, 2239, true],
      // Safeguard violation and informative: 80 (SV ∧ I ∧ RT) + 20 (SV ∧ I ∧ ¬RT).
      multifaceted: [300, 100, false],
      'jailjudge-mini': [1000, 315, false],
    });
  });

  it('reads every refusal source: PyRIT 1 = refusal, RBR propositions, the multifaceted informativeness proxy', () => {
    const counts = Object.fromEntries(refusalSources(DATASETS).map((s) => [s.name, [s.pairs.length, s.pairs.filter((p) => p.achieved).length]]));
    // PyRIT: 70 + 39 refusals of 105 + 64; RBR: 223 give none of the content, 331 do not fully comply; ¬I: 192.
    expect(counts).toEqual({ 'pyrit-refusal': [169, 109], 'rbr-gold (none)': [518, 223], 'rbr-gold (¬full)': [518, 331], 'multifaceted (¬I)': [300, 192] });
  });
});
