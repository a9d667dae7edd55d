import { extname } from 'node:path';
import { DatasetError } from '../core/errors.js';
import type { DatasetRow } from '../datasets/dataset-row.js';
import { readJsonArray, readJsonLines } from '../datasets/json-rows.js';
import { readCsvRows } from '../datasets/csv-rows.js';

/** Reads a transcript or labeled file by its extension: JSONL (.jsonl, .ndjson), a JSON array (.json) or CSV (.csv). */
export function readTranscriptRows(file: string): DatasetRow[] {
  const extension = extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return readJsonLines(file);
  if (extension === '.json') return readJsonArray(file);
  if (extension === '.csv') return readCsvRows(file, { comments: true });
  throw new DatasetError(`${file}: cannot tell the format from the extension '${extension}'`, {
    file,
    hint: 'name the file .jsonl (one JSON object per line), .json (an array of objects) or .csv (a header row)',
  });
}
