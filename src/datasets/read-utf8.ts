import { readFileSync } from 'node:fs';
import { DatasetError } from '../core/errors.js';

/** Reads a file as strict UTF-8 (a byte-order mark is dropped); a missing file or a non-UTF-8 byte is a DatasetError. */
export function readUtf8File(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'read error';
    const hint = 'check the path, or fetch the file with `redline datasets pull <id>`';
    throw new DatasetError(`cannot read ${file} (${code})`, { file, hint, cause });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const row = firstBadLine(bytes);
    throw new DatasetError(`${file}: line ${row} is not UTF-8 text`, {
      file,
      row,
      hint: 're-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`); datasets are read as UTF-8 only',
      cause,
    });
  }
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
