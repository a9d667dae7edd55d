import { basename } from 'node:path';
import { DatasetError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';
import { assertGoalLength } from './input-limits.js';
import { readJsonLines } from './json-rows.js';

const PERSONAS = new Set(['malicious', 'benign']);

function field(row: Readonly<Record<string, unknown>>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = row[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/** Reads goals from a UTF-8 JSONL file: one object per line with `text` (or `goal`), and optional id, category, persona, scorer. */
export function readGoalFile(file: string): Goal[] {
  const rows = readJsonLines(file, 'check the path; relative paths resolve against the configuration file’s folder');
  return rows.map(({ row, values: record }) => {
    const goalText = field(record, ['text', 'goal', 'prompt']);
    if (goalText === undefined) {
      throw new DatasetError(`${file}: line ${row} has no "text" field`, { file, row, hint: 'give each goal a non-empty "text" (or "goal") field' });
    }
    assertGoalLength(goalText, { file, row, unit: 'line' });
    const persona = field(record, ['persona']) ?? 'malicious';
    if (!PERSONAS.has(persona)) {
      throw new DatasetError(`${file}: line ${row}: persona '${persona}' is not malicious or benign`, { file, row, hint: 'use "malicious" or "benign"' });
    }
    const scorer = field(record, ['scorer']);
    return {
      id: field(record, ['id']) ?? `${file.split(/[\\/]/).pop()}#${row}`,
      text: goalText,
      category: field(record, ['category']) ?? 'custom',
      persona: persona as Goal['persona'],
      source: basename(file),
      ...(scorer === undefined ? {} : { scorer }),
    };
  });
}
