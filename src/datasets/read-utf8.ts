import { readFileSync, statSync } from 'node:fs';
import { DatasetError } from '../core/errors.js';
import { describeSize, MAX_DATASET_BYTES } from './input-limits.js';

/** Why a text file could not be read: the message and hint a caller wraps in its own error class. */
export type TextFileFailure = {
  /** What went wrong: the file could not be opened, is over the size limit, or is not UTF-8. */
  readonly kind: 'unreadable' | 'too-large' | 'not-utf8';
  /** One line naming the file (and the line, for 'not-utf8'). */
  readonly message: string;
  /** 1-based line of the first non-UTF-8 byte. */
  readonly row?: number;
  /** A default hint; callers replace the 'unreadable' one with where their files come from. */
  readonly hint: string;
  /** The underlying error. */
  readonly cause?: unknown;
};

/** How much to read, and how a failure becomes the caller's error. */
export type ReadTextOptions = {
  /** Files larger than this are refused before reading. */
  readonly maxBytes: number;
  /** Turns a failure into the error to throw (a ConfigError or a DatasetError). */
  readonly fail: (failure: TextFileFailure) => Error;
};

/** Plain words for the errno codes users meet, with the code kept for searching. */
function describeCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'read error';
  const words: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a folder, not a file', EACCES: 'permission denied', EPERM: 'permission denied' };
  return words[code] === undefined ? code : `${words[code]}, ${code}`;
}

/**
 * Reads a file of at most `maxBytes` as strict UTF-8 (a byte-order mark is dropped); any failure is passed
 * to `fail`, which returns the error to throw, so configuration and dataset files share one reader.
 */
export function readUtf8Text(file: string, options: ReadTextOptions): string {
  const bytes = readBytes(file, options);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const row = firstBadLine(bytes);
    const hint = 're-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`); Redline reads UTF-8 only';
    throw options.fail({ kind: 'not-utf8', message: `${file}: line ${row} is not UTF-8 text`, row, hint, cause });
  }
}

/** The file's bytes, once its size is known to be within the limit. */
function readBytes(file: string, options: ReadTextOptions): Buffer {
  const unreadable = (cause: unknown): Error =>
    options.fail({ kind: 'unreadable', message: `cannot read ${file} (${describeCode(cause)})`, hint: 'check the path', cause });
  let size: number;
  try {
    size = statSync(file).size;
  } catch (cause) {
    throw unreadable(cause);
  }
  if (size > options.maxBytes) {
    const message = `${file} is ${describeSize(size)}; the limit is ${describeSize(options.maxBytes)}`;
    throw options.fail({ kind: 'too-large', message, hint: 'split the file, or check it is the file you meant' });
  }
  try {
    return readFileSync(file);
  } catch (cause) {
    throw unreadable(cause);
  }
}

/** Reads a dataset file as strict UTF-8; a missing, oversized or non-UTF-8 file is a DatasetError. */
export function readUtf8File(file: string, unreadableHint = 'check the path, or fetch the file with `redline datasets pull <id>`'): string {
  return readUtf8Text(file, {
    maxBytes: MAX_DATASET_BYTES,
    fail: ({ kind, message, row, hint, cause }) =>
      new DatasetError(message, { file, ...(row === undefined ? {} : { row }), hint: kind === 'unreadable' ? unreadableHint : hint, cause }),
  });
}

/** The 1-based line holding the first invalid byte; LF never occurs inside a UTF-8 sequence, so lines decode alone. */
function firstBadLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; ; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
}
