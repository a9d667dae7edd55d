import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../core/errors.js';

/** Writes an output file (creating its folder); a failure is a StoreError naming the file and the flag that chose it. */
export function writeTextFile(output: { file: string; text: string; flag: string }): void {
  const { file, text, flag } = output;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, 'utf8');
  } catch (error) {
    throw new StoreError(`cannot write ${file}: ${(error as Error).message}`, { file, hint: `choose a writable path with ${flag}`, cause: error });
  }
}
