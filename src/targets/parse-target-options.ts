import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import type { TargetContext } from './context.js';

/** Validates a target's options with its schema; the first problem becomes a ConfigError at `target.<path>`. */
export function parseTargetOptions<S extends z.ZodType>(schema: S, input: unknown, context: TargetContext): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // An unknown key is reported on its parent; name the key itself, which is what the user must delete.
  const extra = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const path = ['target', ...(issue?.path ?? []).map(String), ...extra].join('.');
  throw new ConfigError(`${path}: ${issue?.message ?? 'invalid target options'}`, {
    file: context.configFile,
    path,
    hint: 'fix the target section of the configuration',
    cause: parsed.error,
  });
}

/** Parses a target URL, refusing credentials in it (fetch would quote them in its error). */
export function parseTargetUrl(text: string, where: { context: TargetContext; path: string }): URL {
  const fail = (problem: string, hint: string): ConfigError =>
    new ConfigError(`${where.path} ${problem}`, { file: where.context.configFile, path: where.path, hint });
  if (!URL.canParse(text)) throw fail('is not a valid URL', 'write a full URL such as https://host/path');
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail('must use http or https', 'write https://...');
  if (url.username || url.password) {
    throw fail('must not contain credentials', 'send credentials in a header that references an environment variable');
  }
  return url;
}
