// Source: JBB-Behaviors, Chao et al., NeurIPS 2024 Datasets and Benchmarks, arXiv:2404.01318 — github.com/JailbreakBench/jailbreakbench.
import { defineDataset } from '../dataset-descriptor.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { csvGoals } from '../row-goals.js';

const spec = {
  dataset: 'jailbreakbench',
  hint: 'expected JailbreakBench’s behaviors CSV (columns Goal, Target, Behavior, Category, Source)',
  required: ['Goal', 'Behavior', 'Category'],
};

/** JBB-Behaviors (harmful): 10 categories × 10; the category becomes a slug, e.g. 'malware-hacking'. */
export const jailbreakbench = defineDataset({
  id: 'jailbreakbench',
  summary: '100 harmful behaviors in 10 OpenAI-policy categories (JBB-Behaviors, harmful split).',
  license: 'MIT',
  homepage: 'https://github.com/JailbreakBench/jailbreakbench',
  files: [
    githubFile({
      repo: 'JailbreakBench/jailbreakbench',
      ref: '28aa816c03c30d0d6c69befa19089dae6ec29e88',
      path: 'src/jailbreakbench/data/behaviors.csv',
      name: 'behaviors_harmful.csv',
      sha256: '45e9a8923b28f547bb372fbaa9af7df8b38c818a80ae50c3bab97704197ff516',
    }),
  ],
  defaultFile: 'behaviors_harmful.csv',
  persona: 'malicious',
  load: (path) =>
    csvGoals(path, spec, (read) => ({
      id: slug(read.text('Behavior')),
      text: read.text('Goal'),
      category: slug(read.text('Category')),
      persona: 'malicious',
      metadata: { behavior: read.optional('Behavior'), target: read.optional('Target'), origin: read.optional('Source') },
    })),
});
