import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import type { TargetContext } from './context.js';
import { expandEnvReferences, type Expanded } from './env-reference.js';

/** Option schema for request headers; values may reference `${ENV_NAME}`, expanded when the target is created. */
export const headerTemplatesOption = z.record(
  z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid HTTP header name'),
  z.string(),
).describe('Request headers; values may reference ${ENV_NAME}, e.g. "Bearer ${APP_TOKEN}"');

/** Expands `${NAME}` references in every header value; rejects values that fetch would refuse. */
export function expandHeaders(
  headers: Readonly<Record<string, string>> | undefined,
  context: TargetContext,
): Expanded<Record<string, string>> {
  const value: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [name, template] of Object.entries(headers ?? {})) {
    const path = `target.headers.${name}`;
    const expanded = expandEnvReferences(template, { context, path });
    // fetch's own error for such a value would quote it, secret included; fail here without the value.
    if (/[\r\n\0]/.test(expanded.value)) {
      throw new ConfigError(`header ${name} contains a line break or NUL after expansion`, {
        file: context.configFile,
        path,
        hint: 'remove newlines from the header value and the variables it references',
      });
    }
    value[name] = expanded.value;
    secrets.push(...expanded.secrets);
  }
  return { value, secrets };
}
