import { DatasetError } from '../../core/errors.js';
import { readCsvRows } from '../csv-rows.js';
import { optionalText, requiredText } from '../dataset-row.js';

/** One in-the-wild jailbreak prompt, used as a template around a goal. */
export type JailbreakTemplate = {
  /** 1-based position among the file's prompts (the header does not count). */
  readonly row: number;
  /** The jailbreak prompt as collected. */
  readonly text: string;
  /** Where it was collected, e.g. 'reddit', when the file says. */
  readonly platform: string | undefined;
  /** The community or site, e.g. 'r/ChatGPTJailbreak', when the file says. */
  readonly source: string | undefined;
};

const HINT = 'expected a jailbreak_llms prompts CSV (data/prompts/jailbreak_prompts_*.csv, with a "prompt" column)';

/** Reads the jailbreak prompts of a jailbreak_llms CSV (either release) as templates, in file order. */
export function readJailbreakTemplates(file: string): JailbreakTemplate[] {
  const templates = readCsvRows(file, { required: ['prompt'], hint: HINT }).map((row, index) => ({
    row: index + 1,
    text: requiredText(row, 'prompt', HINT),
    platform: optionalText(row, 'platform'),
    source: optionalText(row, 'source'),
  }));
  if (templates.length === 0) throw new DatasetError(`${file} holds no jailbreak prompts`, { file, hint: HINT });
  return templates;
}
