import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { ConfigError } from '../../core/errors.js';
import type { TargetContext } from '../context.js';

/** A GGUF file and the SHA-256 it is pinned to. */
export type ModelFile = {
  /** Absolute path. */
  readonly path: string;
  /** The pinned SHA-256, lower-case hex. */
  readonly sha256: string;
};

/** The hint of every model-file error: how to get the hash to pin. */
function pinHint(path: string): string {
  return `download the GGUF yourself, then pin its hash: sha256sum ${path}`;
}

/** Fails now, with the path and the pinned hash, when there is no file to load (a cheap check, made when the target is built). */
export function requireModelFile(file: ModelFile, context: TargetContext): void {
  let isFile = false;
  try {
    isFile = statSync(file.path).isFile();
  } catch {
    // Missing or unreadable: the same error below.
  }
  if (!isFile) {
    throw new ConfigError(`target.model: no GGUF file at ${file.path} (pinned SHA-256 ${file.sha256})`, {
      file: context.configFile, path: 'target.model', hint: pinHint(file.path),
    });
  }
}

/** The file's SHA-256, read as a stream (a model is gigabytes). */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Resolves when the file's SHA-256 is the pinned one; otherwise a ConfigError naming the path, the expected and the actual hash. */
export async function verifyModelFile(file: ModelFile, context: TargetContext): Promise<void> {
  requireModelFile(file, context);
  const actual = await sha256Of(file.path);
  if (actual === file.sha256) return;
  throw new ConfigError(`target.sha256: ${file.path} does not match its pinned SHA-256: expected ${file.sha256}, actual ${actual}`, {
    file: context.configFile, path: 'target.sha256', hint: `${pinHint(file.path)} (a different hash means a different or damaged file)`,
  });
}
