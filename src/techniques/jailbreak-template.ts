// Source: in-the-wild jailbreak prompts, Shen et al., "Do Anything Now", CCS 2024, arXiv:2308.03825.
import { DatasetError } from '../core/errors.js';
import { defineTechnique } from '../core/technique.js';
import { readJailbreakTemplates } from '../datasets/importers/jailbreak-templates.js';
import { userTurn } from './user-turn.js';

/** A bracketed placeholder: [..], {..}, {{..}} or <..>, up to 40 characters inside. */
const PLACEHOLDER = /\{\{?([^{}\n]{1,40})\}\}?|\[([^[\]\n]{1,40})\]|<([^<>\n]{1,40})>/g;
/** Placeholder words that stand for the user's question, e.g. 'INSERT PROMPT HERE', 'your question', 'user_prompt'. */
const SLOT_WORDS = /^(?:(?:insert|enter|put|type|write|add)\s+)?(?:(?:your|any|the|a|users?)\s+)?(?:prompt|question|query|request)(?:\s+here)?$/i;

function isSlot(inside: string): boolean {
  const words = inside.replace(/[\\"'“”‘’<>[\]{}]/g, '').replace(/_/g, ' ').replace(/[.…:!?\s]+$/, '').trim().replace(/\s+/g, ' ');
  return SLOT_WORDS.test(words);
}

/**
 * Puts the goal where the template asks its question: every placeholder such as [INSERT PROMPT HERE], {prompt},
 * <QUERY> or [your question] is replaced by the goal; a template without one gets "\n\n" + goal appended.
 */
export function fillJailbreakTemplate(template: string, goal: string): string {
  let filled = false;
  const text = template.replace(PLACEHOLDER, (match: string, ...groups: (string | undefined)[]) => {
    const inside = groups.slice(0, 3).find((group) => group !== undefined) ?? '';
    if (!isSlot(inside)) return match;
    filled = true;
    return goal;
  });
  return filled ? text : `${template}\n\n${goal}`;
}

/** Wraps the goal in one in-the-wild jailbreak prompt, read from a jailbreak_llms CSV at a 1-based row. */
export const jailbreakTemplate = defineTechnique({
  id: 'jailbreak-template',
  summary: 'Wraps the goal in an in-the-wild jailbreak prompt (jailbreak_llms CSV, one row), where it asks its question.',
  source: 'Shen et al., "Do Anything Now", CCS 2024, arXiv:2308.03825',
  taxonomy: { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] },
  personas: ['malicious'],
  version: 1,
  requires: ['file'],
  defaults: { file: '', row: 1 },
  create: (options) => {
    const file = String(options.file ?? '');
    if (file === '') {
      throw new DatasetError('jailbreak-template needs a jailbreak prompts file', {
        file: '<options>',
        hint: 'set file: to a jailbreak_llms CSV, e.g. .redline/datasets/jailbreak-llms/jailbreak_prompts_2023_12_25.csv (redline datasets pull jailbreak-llms)',
      });
    }
    const templates = readJailbreakTemplates(file);
    const row = Number(options.row);
    const template = templates[row - 1];
    if (!Number.isInteger(row) || template === undefined) {
      throw new DatasetError(`${file} has no jailbreak prompt at row ${String(options.row)}`, { file, hint: `row counts prompts from 1 (the header does not count); this file has ${templates.length}` });
    }
    return { id: 'jailbreak-template', build: (goal) => userTurn(fillJailbreakTemplate(template.text, goal.text)) };
  },
});
