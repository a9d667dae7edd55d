import { DatasetError } from '../core/errors.js';
import { parseCsv } from '../core/csv.js';
import type { DatasetRow } from './dataset-row.js';
import { readUtf8File } from './read-utf8.js';

/** What a CSV file must hold, and what to tell the user when it doesn't. */
export type CsvExpectations = {
  /** Columns the header must name. */
  readonly required?: readonly string[];
  /** One line on what file was expected, e.g. 'is this HarmBench’s behaviors CSV?'. */
  readonly hint?: string;
  /** Skip leading `#` comment lines before the header (e.g. PyRIT's `# dataset_version=1.0`). */
  readonly comments?: boolean;
};

/** True for a record that is a `#` comment line. */
const isComment = (record: readonly string[]): boolean => record[0]?.trimStart().startsWith('#') ?? false;

/** Reads a UTF-8 CSV file with a header row into rows numbered as a spreadsheet shows them (comment lines and the header count). */
export function readCsvRows(file: string, expect: CsvExpectations = {}): DatasetRow[] {
  const { records, unclosedQuoteRow } = parseCsv(readUtf8File(file));
  if (unclosedQuoteRow !== undefined) {
    const hint = 'close the quote; write a quote inside a quoted field as ""';
    throw new DatasetError(`${file}: row ${unclosedQuoteRow} has a quoted field that never closes`, { file, row: unclosedQuoteRow, hint });
  }
  const skipped = expect.comments ? Math.max(0, records.findIndex((record) => !isComment(record))) : 0;
  const [first = [], ...data] = records.slice(skipped);
  const header = first.map((name) => name.trim());
  for (const column of expect.required ?? []) {
    if (header.includes(column)) continue;
    const has = header.map((name) => `"${name}"`).join(', ');
    throw new DatasetError(`${file}: the header (row ${skipped + 1}) has no column "${column}"`, {
      file,
      row: skipped + 1,
      hint: `the header has ${has || 'no columns'}${expect.hint ? `; ${expect.hint}` : ''}`,
    });
  }
  return data.flatMap((record, index) => {
    if (record.length === 1 && record[0]?.trim() === '') return [];
    const values = Object.fromEntries(header.flatMap((column, at) => (at < record.length ? [[column, record[at]]] : [])));
    return [{ file, row: skipped + index + 2, values }];
  });
}
