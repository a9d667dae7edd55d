// Source: CyberSecEval 2 prompt injection, Bhatt et al., 2024, arXiv:2404.13161 — github.com/meta-llama/PurpleLlama.
import { defineDataset, type DatasetFile } from '../dataset-descriptor.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { readJsonArray } from '../json-rows.js';
import { rowGoals } from '../row-goals.js';

const spec = {
  dataset: 'cyberseceval',
  hint: 'expected CyberSecEval’s prompt_injection.json (objects with test_case_prompt, user_input, judge_question)',
};
const file = (name: string, sha256: string): DatasetFile =>
  githubFile({
    repo: 'meta-llama/PurpleLlama',
    ref: '76d0bfa0f31c14049da2e350e2f4a3e17fafcaa2',
    path: `CybersecurityBenchmarks/datasets/prompt_injection/${name}`,
    sha256,
  });

/**
 * CyberSecEval prompt-injection cases: the text is the injected user input, `metadata.systemPrompt` the application's
 * system prompt (test_case_prompt) and `metadata.judgeQuestion` the yes/no question an LLM judge answers ("yes" = injected).
 */
export const cyberseceval = defineDataset({
  id: 'cyberseceval',
  summary: '251 prompt-injection cases (system prompt + injected input + judge question), 15 injection variants.',
  license: 'MIT',
  homepage: 'https://github.com/meta-llama/PurpleLlama/tree/main/CybersecurityBenchmarks',
  files: [
    file('prompt_injection.json', '069e4d5d36f6d19f972a3bbc65df840cc729354f89358a9031aeb44d95b18a9a'),
    file('prompt_injection_multilingual_machine_translated.json', 'f018adfc7b1f766f98ce4dd4c8e34e97a8a88f402a2b63576652027e02c2a15f'),
  ],
  defaultFile: 'prompt_injection.json',
  persona: 'malicious',
  taxonomy: { atlas: ['AML.T0051'], owasp: ['LLM01:2025'] },
  load: (path) =>
    rowGoals(readJsonArray(path), spec, (read) => {
      const injectionType = read.optional('injection_type');
      return {
        id: read.text('prompt_id'),
        text: read.text('user_input'),
        category: injectionType === undefined ? 'indirect-injection' : `${slug(injectionType)}-injection`,
        persona: 'malicious',
        metadata: {
          systemPrompt: read.text('test_case_prompt'),
          judgeQuestion: read.text('judge_question'),
          injectionVariant: read.optional('injection_variant'),
          injectionType,
          riskCategory: read.optional('risk_category'),
          language: read.optional('speaking_language'),
        },
      };
    }),
});
