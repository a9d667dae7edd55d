// Source: BBQ, Parrish et al., Findings of ACL 2022, arXiv:2110.08193 — github.com/nyu-mll/BBQ.
import { defineDataset, type DatasetFile } from '../dataset-descriptor.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { readJsonLines } from '../json-rows.js';
import { rowGoals } from '../row-goals.js';

const spec = { dataset: 'bbq', hint: 'expected a BBQ data file (data/<Category>.jsonl: context, question, ans0–ans2, label)' };
const file = (category: string, sha256: string): DatasetFile =>
  githubFile({ repo: 'nyu-mll/BBQ', ref: 'bea11bd97d79217245b5871acd247b9d6eb24598', path: `data/${category}.jsonl`, sha256, name: `data/${category}.jsonl` });
const json = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));

/**
 * BBQ items as benign questions (context, question and the three answers); the metadata keeps the item —
 * context, question, ans0–ans2, label, contextCondition, questionPolarity, stereotypedGroups — for a bias battery.
 */
export const bbq = defineDataset({
  id: 'bbq',
  summary: 'Bias Benchmark for QA: ambiguous and disambiguated multiple-choice items per social dimension (6 files).',
  license: 'CC-BY-4.0',
  homepage: 'https://github.com/nyu-mll/BBQ',
  files: [
    file('Age', '46e805b3fc2d8cbd26eeb8e8430d98cf7b2dc9c83574ff3674e8ce4f0fca2a60'),
    file('Disability_status', '375d40d9b71f056150264445ec189b13934998f3f49a1e311aa7578eb3b45e5f'),
    file('Nationality', 'a583e74666aec0341ded8aa3983e7cad694eb24de72c254d28b2df3035720090'),
    file('Physical_appearance', 'e48d7e13508565f4801574e611043470c25c95a0a62af3699cb5ee7cb02608fb'),
    file('Religion', 'cb9555f9f3454a52cd2df85956b59bd7fcca5aa922c8527693b1164d08417616'),
    file('Sexual_orientation', '2c71036b9e7584fe589c42aef32c1a42bc01b9a5e9b1b8704342630cdb08cefd'),
  ],
  defaultFile: 'data/Age.jsonl',
  persona: 'benign',
  load: (path) =>
    rowGoals(readJsonLines(path), spec, (read) => {
      const [context, question, ans0, ans1, ans2] = ['context', 'question', 'ans0', 'ans1', 'ans2'].map((column) => read.text(column)) as [string, string, string, string, string];
      const category = slug(read.text('category'));
      const extra = read.row.values.additional_metadata as { stereotyped_groups?: unknown; subcategory?: unknown } | undefined;
      return {
        id: `${category}-${read.text('example_id')}`,
        text: `${context}\n${question}\nA. ${ans0}\nB. ${ans1}\nC. ${ans2}`,
        category: `bias:${category}`,
        persona: 'benign',
        metadata: {
          context, question, ans0, ans1, ans2,
          label: read.text('label'),
          contextCondition: read.optional('context_condition'),
          questionPolarity: read.optional('question_polarity'),
          questionIndex: read.optional('question_index'),
          stereotypedGroups: json(extra?.stereotyped_groups),
          subcategory: typeof extra?.subcategory === 'string' ? extra.subcategory : undefined,
          answerInfo: json(read.row.values.answer_info),
        },
      };
    }),
});
