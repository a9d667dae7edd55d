import { DatasetError } from '../core/errors.js';

/** One record of a dataset file, with the 1-based row a user finds it at. */
export type DatasetRow = {
  /** The file it was read from. */
  readonly file: string;
  /** CSV: the record's row as a spreadsheet shows it (the header is row 1); JSONL: the line; JSON array: the position. */
  readonly row: number;
  /** Values by column (CSV) or key (JSON). */
  readonly values: Readonly<Record<string, unknown>>;
};

/** A column's value as text: strings as they are, numbers and booleans written out; blank or absent → undefined. */
export function optionalText(row: DatasetRow, column: string): string | undefined {
  const value = row.values[column];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A column that must hold text: a DatasetError naming the file, the row and the column otherwise. */
export function requiredText(row: DatasetRow, column: string, hint?: string): string {
  const text = optionalText(row, column);
  if (text !== undefined) return text;
  const value = row.values[column];
  const problem = value === undefined || value === null || value === '' ? `has no "${column}" value` : `has a non-text "${column}" value`;
  throw new DatasetError(`${row.file}: row ${row.row} ${problem}`, {
    file: row.file,
    row: row.row,
    hint: hint ?? `every row needs text in "${column}"`,
  });
}
