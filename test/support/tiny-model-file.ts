import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tinyLlamaGguf, type TinyLlamaOptions } from './tiny-llama-gguf.js';

/** A generated GGUF written to disk, with the SHA-256 to pin it by. */
export type TinyModelFile = { readonly path: string; readonly sha256: string };

/** Writes a tiny llama GGUF (see tinyLlamaGguf) to `dir/name` and returns its path and hash. */
export function writeTinyModel(input: TinyLlamaOptions & { readonly dir: string; readonly name: string }): TinyModelFile {
  const { dir, name, ...options } = input;
  const bytes = tinyLlamaGguf(options);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}
