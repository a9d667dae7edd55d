import { basename } from 'node:path';
import type { Goal } from '../core/goal.js';
import type { Persona } from '../core/outcome.js';
import type { ScoreInput } from '../core/score.js';
import { optionalText, requiredText, type DatasetRow } from '../datasets/dataset-row.js';

/** Which columns (CSV) or keys (JSON) of a transcript row hold the goal, the prompt sent and the response. */
export type TranscriptFields = {
  /** The goal's text (default 'goal'); when a row has none, the prompt stands in for it. */
  readonly goal: string;
  /** The prompt actually sent (default 'prompt'); optional in each row. */
  readonly prompt: string;
  /** The target's response (default 'response'). */
  readonly response: string;
};

/** The field names used when the command line names none. */
export const DEFAULT_FIELDS: TranscriptFields = { goal: 'goal', prompt: 'prompt', response: 'response' };

/** A scorer's input for one row (goal, two-turn conversation, response); a missing goal (and prompt) or response is a DatasetError naming file and row. */
export function rowInput(row: DatasetRow, options: { fields: TranscriptFields; persona: Persona }): ScoreInput {
  const { fields } = options;
  const prompt = optionalText(row, fields.prompt);
  const text = optionalText(row, fields.goal) ?? prompt ?? requiredText(row, fields.goal, `name the goal column with --goal-field (or the prompt's with --prompt-field)`);
  // A blank response is a real reply (scorers say `unscored`), but the field itself must be there.
  const value = row.values[fields.response];
  const response = typeof value === 'string' ? value : requiredText(row, fields.response, 'name the response column with --response-field');
  const source = basename(row.file);
  const goal: Goal = { id: `${source}#${row.row}`, text, category: 'calibration', persona: options.persona, source };
  return { goal, response, conversation: [{ role: 'user', content: prompt ?? text }, { role: 'assistant', content: response }] };
}
