import type { DatasetRow } from '../datasets/dataset-row.js';
import { readCsvRows } from '../datasets/csv-rows.js';

/** Reads a CSV file whose header may follow leading `#` comment lines (PyRIT's scorer sets). */
export function readCommentedCsvRows(file: string): DatasetRow[] {
  return readCsvRows(file, { comments: true });
}
