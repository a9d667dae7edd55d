import { DatasetError } from '../core/errors.js';

/** Largest goal, dataset or calibration file read (256 MiB): bigger files are refused before reading. */
export const MAX_DATASET_BYTES = 256 * 1024 * 1024;

/** Largest configuration file read (1 MiB): large goal lists belong in a JSONL goal file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Longest goal text (100,000 characters, about 25,000 tokens): longer ones are almost surely a broken file. */
export const MAX_GOAL_CHARS = 100_000;

/** A size in the unit a user would say: '52.4 MiB', '3 KiB', '12 bytes'. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** Refuses a goal text over MAX_GOAL_CHARS, naming the file and row (or line) it came from. */
export function assertGoalLength(text: string, where: { file: string; row: number; unit?: 'row' | 'line' }): void {
  if (text.length <= MAX_GOAL_CHARS) return;
  const { file, row } = where;
  throw new DatasetError(`${file}: ${where.unit ?? 'row'} ${row}: the goal text is ${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_GOAL_CHARS.toLocaleString('en-US')}`, {
    file,
    row,
    hint: 'check the file is one goal per line or row (a missing line break or an unclosed quote joins them); shorten the goal otherwise',
  });
}
