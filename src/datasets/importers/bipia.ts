// Source: BIPIA, Yi et al., 2023, arXiv:2312.14197 — github.com/microsoft/BIPIA.
import { basename, dirname, extname, resolve } from 'node:path';
import { DatasetError } from '../../core/errors.js';
import { defineDataset, type DatasetFile } from '../dataset-descriptor.js';
import { stringOption } from '../dataset-options.js';
import { optionalText, requiredText, type DatasetRow } from '../dataset-row.js';
import { slug } from '../dataset-text.js';
import { githubFile } from '../github-file.js';
import { readJson, readJsonLines } from '../json-rows.js';
import { rowGoals } from '../row-goals.js';

const HINT = 'expected a BIPIA attack file (benchmark/{text,code}_attack_{train,test}.json: {"category": ["instruction", …]})';
const CONTEXT_HINT = 'expected a BIPIA task file (benchmark/{email,table,code}/{train,test}.jsonl, each line with a "context")';
/** Task fields kept beside the context: the user's question, its reference answer, code-task fields, attribution. */
const TASK_FIELDS = [['question', 'question'], ['ideal', 'ideal'], ['error', 'error'], ['code', 'code'], ['contextUrl', 'context_url'], ['contextAuthorUrl', 'context_author_url']] as const;
const file = (path: string, sha256: string): DatasetFile =>
  githubFile({ repo: 'microsoft/BIPIA', ref: '1a2a91da6bb12838e05d1b2e54d98e2f37b835f3', path, sha256, name: path });

/** A task row with `column` as text: the code task stores its fields as lists of lines, which upstream joins with newlines. */
function lines(task: DatasetRow, column: string): DatasetRow {
  const value = task.values[column];
  const joined = Array.isArray(value) && value.every((line) => typeof line === 'string') ? value.join('\n') : value;
  return { ...task, values: { ...task.values, [column]: joined } };
}

/** The attack instructions of a BIPIA attack file, in file order, numbered from 1 across categories. */
function readAttacks(path: string): DatasetRow[] {
  const value = readJson(path);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DatasetError(`${path} is not a JSON object`, { file: path, hint: HINT });
  return Object.entries(value).flatMap(([category, list]) => {
    if (!Array.isArray(list)) throw new DatasetError(`${path}: "${category}" is not a list of instructions`, { file: path, hint: HINT });
    return list.map((attack: unknown, index) => ({ category, attack, index: index + 1 }));
  }).map((values, index) => ({ file: path, row: index + 1, values }));
}

/**
 * BIPIA as indirect-injection goals: the text is an attack instruction, `metadata.context` the task context it is
 * to be planted in; attack n gets context n modulo the task file's length, so every attack has one, in file order.
 */
export const bipia = defineDataset({
  id: 'bipia',
  summary: 'Indirect prompt injection: 125 attack instructions (text and code) planted in email, table or code contexts.',
  license: 'MIT (attacks, email); CC-BY-SA-4.0 (table, code contexts)',
  homepage: 'https://github.com/microsoft/BIPIA',
  files: [
    file('benchmark/text_attack_test.json', '75750e7b4e8b34e8f9d88d89b357aeaaf02bd07f9e493ccd37eda74a0cd7c7f8'),
    file('benchmark/text_attack_train.json', '63f95d3e67eac4178cdabdbdaf192cd05f2b6ed0702b578f1d30d556e5155670'),
    file('benchmark/code_attack_test.json', '892545c5aaec0645b1ded65dc7816b3d70e9ef4eadcba2301a7a3db93676b6e0'),
    file('benchmark/code_attack_train.json', 'fe515080b6da2b5c0b67ca7ba2a3b3c2ce57c48f45733c475ebc813cba118484'),
    file('benchmark/email/test.jsonl', '217b403faaa1d0cb12c24892bea39f4a0b9e2819919ac7e2b902006e28278cdb'),
    file('benchmark/email/train.jsonl', '82207193cb8ce06713eeb7c33ca0716446613512e2ad9303b302ba14d425ddd4'),
    file('benchmark/table/test.jsonl', '3d5eaab192b80bada762e3cd7655583a14e5888ba8b845a01f0434e4ccc4291e'),
    file('benchmark/table/train.jsonl', 'ae1c3ff25733fb3ff1a35bda3009716f4d25a17ae6833c73521be0411d576494'),
    file('benchmark/code/test.jsonl', 'ed40b84f541352fb45753032a80750922de8d5e0b70997924df3d04cf942e058'),
    file('benchmark/code/train.jsonl', '5e6879b621a5cefe265a5b41b7ed0be632536f658f6097baf85a28b9abcb3115'),
  ],
  defaultFile: 'benchmark/text_attack_test.json',
  persona: 'malicious',
  taxonomy: { atlas: ['AML.T0051.001'], owasp: ['LLM01:2025'] },
  options: { contexts: "the task file whose contexts carry the attacks; relative to the attack file's folder (default 'email/test.jsonl')" },
  load: (path, options = {}) => {
    const contextsOption = stringOption(options, 'contexts', { dataset: 'bipia' }) ?? 'email/test.jsonl';
    const contexts = readJsonLines(resolve(dirname(path), contextsOption));
    if (contexts.length === 0) throw new DatasetError(`${contextsOption} holds no contexts`, { file: contextsOption, hint: CONTEXT_HINT });
    const prefix = slug(basename(path, extname(path)));
    return rowGoals(readAttacks(path), { dataset: 'bipia', hint: HINT }, (read) => {
      const task = contexts[(read.row.row - 1) % contexts.length] as DatasetRow;
      const attackCategory = read.text('category');
      return {
        id: `${prefix}/${slug(attackCategory)}-${read.text('index')}`,
        text: read.text('attack'),
        category: 'indirect-injection',
        persona: 'malicious',
        metadata: {
          attackCategory,
          context: requiredText(lines(task, 'context'), 'context', CONTEXT_HINT),
          ...Object.fromEntries(TASK_FIELDS.map(([key, column]) => [key, optionalText(lines(task, column), column)])),
          contextFile: contextsOption,
          contextRow: String(task.row),
        },
      };
    });
  },
});
