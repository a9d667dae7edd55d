// Source: AdvBench harmful behaviors, Zou et al., 2023, arXiv:2307.15043 — github.com/llm-attacks/llm-attacks.
import { defineDataset } from '../dataset-descriptor.js';
import { githubFile } from '../github-file.js';
import { csvGoals } from '../row-goals.js';

const spec = { dataset: 'advbench', hint: 'expected AdvBench’s harmful_behaviors.csv (columns goal, target)', required: ['goal'] };

/** AdvBench's harmful behaviors, ids numbered from 1; the "Sure, here is …" target is kept in `metadata.target`. */
export const advbench = defineDataset({
  id: 'advbench',
  summary: '520 harmful instructions from the GCG paper, each with an affirmative target prefix.',
  license: 'MIT',
  homepage: 'https://github.com/llm-attacks/llm-attacks',
  files: [
    githubFile({
      repo: 'llm-attacks/llm-attacks',
      ref: 'main',
      path: 'data/advbench/harmful_behaviors.csv',
      sha256: '6cd1a5c63c07610d7eb67307772ee5606017ee950b5770ab288a2c487489d3e1',
    }),
  ],
  defaultFile: 'harmful_behaviors.csv',
  persona: 'malicious',
  load: (path) =>
    csvGoals(path, spec, (read) => ({
      id: String(read.row.row - 1),
      text: read.text('goal'),
      category: 'harmful-behavior',
      persona: 'malicious',
      metadata: { target: read.optional('target') },
    })),
});
