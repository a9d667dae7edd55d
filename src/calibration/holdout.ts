import { contentHash } from '../core/hash.js';
import type { DatasetRow } from '../datasets/dataset-row.js';
import { rowInput, type TranscriptFields } from './transcript-fields.js';

/** The two halves of a labeled set: tune on `dev`, measure `held-out` once at the end. */
export const HALVES = ['dev', 'held-out'] as const;

/** One half of a labeled set. */
export type Half = (typeof HALVES)[number];

/** Which half a row's text (goal, newline, response) falls in, by a hash of it: the same text always lands in the same half. */
export function halfOf(text: string): Half {
  return Number.parseInt(contentHash(text).slice(0, 1), 16) % 2 === 1 ? 'held-out' : 'dev';
}

/** The rows of one half, split by `halfOf` over each row's goal (or prompt) and response. */
export function rowsOfHalf(rows: readonly DatasetRow[], options: { fields: TranscriptFields; half: Half }): DatasetRow[] {
  return rows.filter((row) => {
    const { goal, response } = rowInput(row, { fields: options.fields, persona: 'malicious' });
    return halfOf(`${goal.text}\n${response}`) === options.half;
  });
}
