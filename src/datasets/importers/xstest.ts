// Source: XSTest, Röttger et al., NAACL 2024, arXiv:2308.01263 — github.com/paul-rottger/exaggerated-safety.
import { DatasetError } from '../../core/errors.js';
import { defineDataset } from '../dataset-descriptor.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { csvGoals } from '../row-goals.js';

const spec = {
  dataset: 'xstest',
  hint: 'expected XSTest’s xstest_prompts.csv (columns id, prompt, type, label, focus, note)',
  required: ['id', 'prompt', 'type', 'label'],
};
const PERSONA = { safe: 'benign', unsafe: 'malicious' } as const;

/** XSTest: safe prompts a model should answer (persona 'benign') and unsafe contrast prompts it should refuse. */
export const xstest = defineDataset({
  id: 'xstest',
  summary: '250 safe prompts that look harmful (over-refusal, benign) and 200 unsafe contrast prompts.',
  license: 'CC-BY-4.0',
  homepage: 'https://github.com/paul-rottger/exaggerated-safety',
  files: [
    githubFile({
      repo: 'paul-rottger/exaggerated-safety',
      ref: 'd7bb5bd738c1fcbc36edd83d5e7d1b71a3e2d84d',
      path: 'xstest_prompts.csv',
      sha256: '11783fb294ed017473ee53c207d71f2161c7672c8d0b037501e78387f801cb5a',
    }),
  ],
  defaultFile: 'xstest_prompts.csv',
  persona: 'mixed',
  load: (path) =>
    csvGoals(path, spec, (read) => {
      const label = read.text('label');
      if (label !== 'safe' && label !== 'unsafe') {
        const { file, row } = read.row;
        throw new DatasetError(`${file}: row ${row} has label '${label}', not safe or unsafe`, { file, row, hint: spec.hint });
      }
      const type = read.text('type');
      return {
        id: read.text('id'),
        text: read.text('prompt'),
        category: slug(type),
        persona: PERSONA[label],
        metadata: { type, label, focus: read.optional('focus'), note: read.optional('note') },
      };
    }),
});
