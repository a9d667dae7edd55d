// Source: "Do Anything Now", Shen et al., CCS 2024, arXiv:2308.03825 — github.com/verazuo/jailbreak_llms.
import { defineDataset, type DatasetFile } from '../dataset-descriptor.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { csvGoals } from '../row-goals.js';

const spec = {
  dataset: 'jailbreak-llms',
  hint: 'expected forbidden_question_set.csv (columns content_policy_id, content_policy_name, q_id, question); the jailbreak_prompts_*.csv files are templates for the jailbreak-template technique',
  required: ['content_policy_id', 'content_policy_name', 'q_id', 'question'],
};
const file = (path: string, sha256: string): DatasetFile => githubFile({ repo: 'verazuo/jailbreak_llms', ref: 'main', path, sha256 });

/** The forbidden question set as goals; the jailbreak prompt files pulled beside it are templates, read by `readJailbreakTemplates`. */
export const jailbreakLlms = defineDataset({
  id: 'jailbreak-llms',
  summary: '390 forbidden questions (13 policy scenarios × 30), plus 1,405 in-the-wild jailbreak templates.',
  license: 'MIT',
  homepage: 'https://github.com/verazuo/jailbreak_llms',
  files: [
    file('data/forbidden_question/forbidden_question_set.csv', '0d1e5cae6eb755f31103809ee45cfc537e9e2d92b5171f08704bae7de82081c3'),
    file('data/prompts/jailbreak_prompts_2023_12_25.csv', 'accf97463de96c33c48453dfee9600191ff6fd5a0c43f3f11d5ebf98d1a5de55'),
    file('data/prompts/jailbreak_prompts_2023_05_07.csv', '6f0ccbea6c0118d4d563e885ae4c459980943c44b57fd66d6fbe7c869ab61e6b'),
  ],
  defaultFile: 'forbidden_question_set.csv',
  persona: 'malicious',
  taxonomy: { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] },
  load: (path) =>
    csvGoals(path, spec, (read) => {
      const contentPolicy = read.text('content_policy_name');
      return {
        id: `${read.text('content_policy_id')}-${read.text('q_id')}`,
        text: read.text('question'),
        category: slug(contentPolicy),
        persona: 'malicious',
        metadata: { contentPolicy },
      };
    }),
});
