// Source: HarmBench behaviors, Mazeika et al., 2024, arXiv:2402.04249 — github.com/centerforaisafety/HarmBench.
import { defineDataset, type DatasetFile } from '../dataset-descriptor.js';
import { stringOption } from '../dataset-options.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { csvGoals } from '../row-goals.js';

const FUNCTIONAL = ['standard', 'contextual', 'copyright'] as const;
const spec = {
  dataset: 'harmbench',
  hint: 'expected HarmBench’s behaviors CSV (data/behavior_datasets/harmbench_behaviors_text_*.csv)',
  required: ['Behavior', 'FunctionalCategory', 'SemanticCategory', 'BehaviorID'],
};
const file = (split: string, sha256: string): DatasetFile =>
  githubFile({ repo: 'centerforaisafety/HarmBench', ref: 'main', path: `data/behavior_datasets/harmbench_behaviors_text_${split}.csv`, sha256 });

/** HarmBench's text behaviors; a contextual behavior keeps its ContextString in `metadata.context`. */
export const harmbench = defineDataset({
  id: 'harmbench',
  summary: '400 harmful behaviors (200 standard, 100 contextual, 100 copyright) a model should refuse.',
  license: 'MIT',
  homepage: 'https://github.com/centerforaisafety/HarmBench',
  files: [
    file('all', '8d81accedd38eaaf8b760618622bb888417d1fd0c86eba65c427a16f1cbb4afc'),
    file('test', '75d257b3e7428c52eb7b0154318f455af3e01b09a3794b5e2f3d36054f3c0e29'),
    file('val', '7bfaaa5e2b9b95002c89e2d33c019f58e9e8496e2fc65d368f1eeb8179e69534'),
  ],
  defaultFile: 'harmbench_behaviors_text_all.csv',
  persona: 'malicious',
  options: { functionalCategory: "keep only 'standard', 'contextual' or 'copyright' behaviors" },
  load: (path, options = {}) => {
    const only = stringOption(options, 'functionalCategory', { dataset: 'harmbench', allowed: FUNCTIONAL });
    return csvGoals(path, spec, (read) => {
      const functionalCategory = read.text('FunctionalCategory');
      if (only !== undefined && functionalCategory !== only) return undefined;
      return {
        id: read.text('BehaviorID'),
        text: read.text('Behavior'),
        category: slug(read.text('SemanticCategory')),
        persona: 'malicious',
        metadata: { functionalCategory, tags: read.optional('Tags'), context: read.optional('ContextString') },
      };
    });
  },
});
