import { basename, extname } from 'node:path';
import { ConfigError, DatasetError } from '../../core/errors.js';
import { PERSONAS, type Persona } from '../../core/outcome.js';
import { readCsvRows } from '../csv-rows.js';
import { defineDataset, type DatasetOptions } from '../dataset-descriptor.js';
import { stringOption } from '../dataset-options.js';
import { optionalText, type DatasetRow } from '../dataset-row.js';
import { readJsonArray, readJsonLines } from '../json-rows.js';
import { rowGoals } from '../row-goals.js';

/** Which column (CSV) or key (JSON) holds each goal field; only `goal` is required. */
export type FieldMapping = { readonly goal: string; readonly id?: string; readonly category?: string; readonly persona?: string };

const FIELDS = ['goal', 'id', 'category', 'persona'] as const;
const isField = (key: string): key is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(key);
const fieldError = (message: string, path: string): ConfigError =>
  new ConfigError(message, { file: '<options>', path, hint: 'map columns like fields: { goal: prompt, category: type } or --field goal=prompt' });

/** Parses `--field goal=prompt` style pairs into a field mapping. */
export function parseFieldMappings(pairs: readonly string[]): FieldMapping {
  const entries = pairs.map((pair) => {
    const [key = '', ...rest] = pair.split('=');
    if (!isField(key.trim()) || rest.join('=').trim() === '') throw fieldError(`'${pair}' is not field=column with field one of ${FIELDS.join(', ')}`, '--field');
    return [key.trim(), rest.join('=').trim()];
  });
  return fieldMapping(Object.fromEntries(entries), '--field');
}

function fieldMapping(value: unknown, path: string): FieldMapping {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fieldError('the generic mapping needs fields: { goal: <column> }', path);
  for (const [key, column] of Object.entries(value)) {
    if (!isField(key) || typeof column !== 'string' || column === '') throw fieldError(`'${key}' must be one of ${FIELDS.join(', ')}, mapped to a column name`, `${path}.${key}`);
  }
  const mapping = value as Partial<FieldMapping>;
  if (mapping.goal === undefined) throw fieldError('the generic mapping needs the goal column: fields: { goal: <column> }', `${path}.goal`);
  return mapping as FieldMapping;
}

function readRows(file: string, fields: FieldMapping): DatasetRow[] {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return readCsvRows(file, { required: Object.values(fields), hint: 'map fields to columns of the header' });
  if (extension === '.jsonl' || extension === '.ndjson') return readJsonLines(file);
  if (extension === '.json') return readJsonArray(file);
  throw new DatasetError(`${file}: cannot tell the format from '${extension}'`, { file, hint: 'use a .csv, .jsonl or .json (array) file' });
}

/** Reads goals from any CSV, JSONL or JSON-array file by a field mapping; unmapped columns are kept as metadata. */
export function readMappedGoals(file: string, options: DatasetOptions): ReturnType<typeof rowGoals> {
  const fields = fieldMapping(options.fields, 'fields');
  const fallbackPersona = (stringOption(options, 'persona', { dataset: 'mapped', allowed: PERSONAS }) ?? 'malicious') as Persona;
  const fallbackCategory = stringOption(options, 'category', { dataset: 'mapped' }) ?? 'custom';
  const mapped = new Set(Object.values(fields));
  return rowGoals(readRows(file, fields), { dataset: basename(file), hint: `every row needs a "${fields.goal}"` }, (read) => {
    const persona = fields.persona === undefined ? fallbackPersona : read.text(fields.persona);
    if (!PERSONAS.includes(persona as Persona)) {
      const { row } = read.row;
      throw new DatasetError(`${file}: row ${row}: persona '${persona}' is not malicious or benign`, { file, row, hint: `write malicious or benign in "${fields.persona}"` });
    }
    const metadata = Object.fromEntries(Object.keys(read.row.values).filter((key) => !mapped.has(key)).map((key) => [key, optionalText(read.row, key)]));
    return {
      id: fields.id === undefined ? String(read.row.row) : read.text(fields.id),
      text: read.text(fields.goal),
      category: fields.category === undefined ? fallbackCategory : read.text(fields.category),
      persona: persona as Persona,
      metadata,
    };
  });
}

/** The generic mapping: the user's own CSV, JSONL or JSON file, with `fields` naming the goal's columns. */
export const mapped = defineDataset({
  id: 'mapped',
  summary: 'Your own CSV, JSONL or JSON-array file; fields: { goal, id?, category?, persona? } name its columns.',
  license: 'yours',
  homepage: 'docs/datasets.md',
  files: [],
  persona: 'mixed',
  options: {
    fields: 'which column holds each goal field: { goal: <column>, id?, category?, persona? }',
    persona: "persona when no column gives one: 'malicious' (default) or 'benign'",
    category: "category when no column gives one (default 'custom')",
  },
  load: (file, options = {}) => readMappedGoals(file, options),
});
