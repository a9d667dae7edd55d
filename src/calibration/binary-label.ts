import { DatasetError } from '../core/errors.js';
import { optionalText, type DatasetRow } from '../datasets/dataset-row.js';

const POSITIVE = new Set(['1', 'true', 'yes']);
const NEGATIVE = new Set(['0', 'false', 'no']);

/** A row's human label: 1 / true / yes → true, 0 / false / no → false; anything else is a DatasetError with file and row. */
export function readBinaryLabel(row: DatasetRow, field: string): boolean {
  const text = optionalText(row, field)?.trim().toLowerCase();
  // Numbers are compared by value, so 1.0 and 0.0 are labels too.
  const number = text === undefined || text === '' ? NaN : Number(text);
  if (text !== undefined && (POSITIVE.has(text) || number === 1)) return true;
  if (text !== undefined && (NEGATIVE.has(text) || number === 0)) return false;
  const problem = text === undefined ? `has no "${field}" label` : `has the label "${text}" in "${field}", not 1 or 0`;
  throw new DatasetError(`${row.file}: row ${row.row} ${problem}`, { file: row.file, row: row.row, hint: 'label every row 1 (positive) or 0; name the column with --label-field' });
}
