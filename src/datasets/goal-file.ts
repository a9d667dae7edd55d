import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DatasetError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';

const PERSONAS = new Set(['malicious', 'benign']);

function field(row: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = row[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/** Reads goals from a JSONL file: one object per line with `text` (or `goal`), and optional id, category, persona, scorer. */
export function readGoalFile(file: string): Goal[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetError(`cannot read goal file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      file,
      hint: 'check the path; relative paths resolve against the configuration file’s folder',
      cause: error,
    });
  }
  const goals: Goal[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const row = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DatasetError(`${file}: line ${row} is not valid JSON`, { file, row, hint: 'each line must be one JSON object, e.g. {"text": "…"}' });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DatasetError(`${file}: line ${row} is not a JSON object`, { file, row, hint: 'each line must be one JSON object, e.g. {"text": "…"}' });
    }
    const record = value as Record<string, unknown>;
    const goalText = field(record, ['text', 'goal', 'prompt']);
    if (goalText === undefined) {
      throw new DatasetError(`${file}: line ${row} has no "text" field`, { file, row, hint: 'give each goal a non-empty "text" (or "goal") field' });
    }
    const persona = field(record, ['persona']) ?? 'malicious';
    if (!PERSONAS.has(persona)) {
      throw new DatasetError(`${file}: line ${row}: persona '${persona}' is not malicious or benign`, { file, row, hint: 'use "malicious" or "benign"' });
    }
    const scorer = field(record, ['scorer']);
    goals.push({
      id: field(record, ['id']) ?? `${file.split(/[\\/]/).pop()}#${row}`,
      text: goalText,
      category: field(record, ['category']) ?? 'custom',
      persona: persona as Goal['persona'],
      source: basename(file),
      ...(scorer === undefined ? {} : { scorer }),
    });
  });
  return goals;
}
