// Source: SimpleSafetyTests, Vidgen et al., 2023, arXiv:2311.08370 — github.com/bertiev/SimpleSafetyTests.
import { defineDataset } from '../dataset-descriptor.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { csvGoals } from '../row-goals.js';

const spec = {
  dataset: 'simplesafetytests',
  hint: 'expected SimpleSafetyTests’ test-cases CSV (columns id, harm_area, counter, category, prompts_final)',
  required: ['id', 'harm_area', 'prompts_final'],
};

/** SimpleSafetyTests: must-refuse prompts; the harm area becomes the category, e.g. 'scams-and-fraud'. */
export const simpleSafetyTests = defineDataset({
  id: 'simplesafetytests',
  summary: '100 clearly harmful prompts in 5 harm areas (self-harm, violence, illegal items, scams, child abuse).',
  license: 'CC-BY-4.0',
  homepage: 'https://github.com/bertiev/SimpleSafetyTests',
  files: [
    githubFile({
      repo: 'bertiev/SimpleSafetyTests',
      ref: 'd7aee9a9422a5a5488f478fd79c2479c891c0f3b',
      path: 'SimpleSafetyTests - test cases.csv',
      name: 'simplesafetytests.csv',
      sha256: '6d95a1301e0d0f3a3c4cf5392f4afff11ad6e3066f95d23aaa138d44aedf986c',
    }),
  ],
  defaultFile: 'simplesafetytests.csv',
  persona: 'malicious',
  load: (path) =>
    csvGoals(path, spec, (read) => {
      const harmArea = read.text('harm_area');
      return {
        id: read.text('id'),
        text: read.text('prompts_final'),
        category: slug(harmArea),
        persona: 'malicious',
        metadata: { harmArea, requestType: read.optional('category') },
      };
    }),
});
