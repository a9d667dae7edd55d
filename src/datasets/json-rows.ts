import { DatasetError } from '../core/errors.js';
import type { DatasetRow } from './dataset-row.js';
import { readUtf8File } from './read-utf8.js';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads a UTF-8 JSONL file: one JSON object per non-blank line, each row numbered by its line. */
export function readJsonLines(file: string, unreadableHint?: string): DatasetRow[] {
  return readUtf8File(file, unreadableHint)
    .split(/\r?\n/)
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const row = index + 1;
      const hint = 'write one JSON object per line, e.g. {"text": "…"}';
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (cause) {
        throw new DatasetError(`${file}: line ${row} is not valid JSON`, { file, row, hint, cause });
      }
      if (!isObject(value)) throw new DatasetError(`${file}: line ${row} is not a JSON object`, { file, row, hint });
      return [{ file, row, values: value }];
    });
}

/** Reads a whole UTF-8 JSON file; a syntax error is a DatasetError naming its line where the parser tells it. */
export function readJson(file: string): unknown {
  const text = readUtf8File(file);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const position = /position (\d+)/.exec(String(cause))?.[1];
    const row = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    const where = row === undefined ? '' : ` (line ${row})`;
    throw new DatasetError(`${file} is not valid JSON${where}`, { file, row, hint: 'check the file is complete; re-download it if it was cut short', cause });
  }
}

/** Reads a JSON file holding an array of objects, each row numbered by its 1-based position. */
export function readJsonArray(file: string): DatasetRow[] {
  const value = readJson(file);
  if (!Array.isArray(value)) throw new DatasetError(`${file} does not hold a JSON array`, { file, hint: 'expected [ {…}, {…} ]' });
  return value.map((item: unknown, index) => {
    const row = index + 1;
    if (!isObject(item)) throw new DatasetError(`${file}: item ${row} is not a JSON object`, { file, row, hint: 'expected [ {…}, {…} ]' });
    return { file, row, values: item };
  });
}
