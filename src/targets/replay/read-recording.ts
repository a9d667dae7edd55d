import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DatasetError } from '../../core/errors.js';
import { parseCsv } from '../../core/csv.js';

/** One recorded exchange. */
export type RecordedPair = {
  /** The prompt as recorded. */
  readonly prompt: string;
  /** The response recorded for it. */
  readonly response: string;
};

/** Where to read a recording and which fields hold the prompt and the response. */
export type RecordingSource = {
  /** Absolute path of the .jsonl or .csv file. */
  readonly file: string;
  /** Field (JSONL key or CSV column) holding the prompt. */
  readonly promptField: string;
  /** Field holding the response. */
  readonly responseField: string;
};

/** The recording formats, by file extension. */
export const recordingFormats = ['.jsonl', '.csv'] as const;

type Row = { readonly row: number; readonly values: Readonly<Record<string, unknown>> };

/** Reads every prompt → response pair of a JSONL or CSV recording; any problem is a DatasetError naming the row. */
export function readRecording(source: RecordingSource): RecordedPair[] {
  const text = readText(source.file).replace(/^\uFEFF/, '');
  const rows = extname(source.file).toLowerCase() === '.csv' ? csvRows(text, source) : jsonlRows(text, source.file);
  const pairs = rows.map((row) => ({
    prompt: field(row, source.promptField, source),
    response: field(row, source.responseField, source),
  }));
  if (pairs.length === 0) {
    const hint = 'record at least one prompt and response';
    throw new DatasetError(`${source.file} holds no recorded pairs`, { file: source.file, hint });
  }
  return pairs;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'read error';
    throw new DatasetError(`cannot read replay file ${file} (${code})`, {
      file,
      hint: 'check the path; a relative path is resolved against the config file’s folder',
      cause,
    });
  }
}

function jsonlRows(text: string, file: string): Row[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === '') return [];
    const row = index + 1;
    let values: unknown;
    try {
      values = JSON.parse(line);
    } catch (cause) {
      throw new DatasetError(`${file}: row ${row} is not valid JSON`, { file, row, hint: 'write one JSON object per line', cause });
    }
    if (values === null || typeof values !== 'object' || Array.isArray(values)) {
      throw new DatasetError(`${file}: row ${row} is not a JSON object`, { file, row, hint: 'write one JSON object per line' });
    }
    return [{ row, values: values as Record<string, unknown> }];
  });
}

/** CSV rows are numbered by record, the header being row 1, as a spreadsheet shows them. */
function csvRows(text: string, source: RecordingSource): Row[] {
  const { records, unclosedQuoteRow } = parseCsv(text);
  if (unclosedQuoteRow !== undefined) {
    throw new DatasetError(`${source.file}: row ${unclosedQuoteRow} has a quoted field that never closes`, {
      file: source.file,
      row: unclosedQuoteRow,
      hint: 'close the quote; write a quote inside a quoted field as ""',
    });
  }
  const [header = [], ...data] = records;
  for (const name of [source.promptField, source.responseField]) {
    if (header.includes(name)) continue;
    throw new DatasetError(`${source.file}: row 1 (the header) has no column "${name}"`, {
      file: source.file,
      row: 1,
      hint: `the header has ${header.map((column) => `"${column}"`).join(', ')}; set promptField/responseField to match`,
    });
  }
  return data.flatMap((record, index) => {
    if (record.length === 1 && record[0] === '') return [];
    const values = Object.fromEntries(header.flatMap((column, at) => (at < record.length ? [[column, record[at]]] : [])));
    return [{ row: index + 2, values }];
  });
}

function field(row: Row, name: string, source: RecordingSource): string {
  const value = row.values[name];
  if (typeof value === 'string') return value;
  const problem = value === undefined ? `has no "${name}" field` : `has a non-text "${name}" field`;
  throw new DatasetError(`${source.file}: row ${row.row} ${problem}`, {
    file: source.file,
    row: row.row,
    hint: `every row needs text in "${source.promptField}" and "${source.responseField}" (see promptField/responseField)`,
  });
}
