import { ConfigError } from '../core/errors.js';
import type { TargetContext } from './context.js';

/** A text with its `${NAME}` references replaced, and the values that came from the environment. */
export type Expanded<T> = {
  /** The expanded result. */
  readonly value: T;
  /** Values read from the environment: treat them as secrets (never print them). */
  readonly secrets: readonly string[];
};

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replaces each `${NAME}` in `template` by `context.env.NAME`; a missing or empty one is a ConfigError at `path`. */
export function expandEnvReferences(
  template: string,
  where: { context: TargetContext; path: string },
): Expanded<string> {
  const secrets: string[] = [];
  const value = template.replace(reference, (_match, name: string) => {
    const found = readEnv(name, where);
    secrets.push(found);
    return found;
  });
  return { value, secrets };
}

/** Reads one environment variable by name; a missing or empty one is a ConfigError at `path`. */
export function readEnv(name: string, where: { context: TargetContext; path: string }): string {
  const found = where.context.env[name];
  if (found === undefined || found === '') {
    throw new ConfigError(`environment variable ${name} is not set (needed by ${where.path} in ${where.context.configFile})`, {
      file: where.context.configFile,
      path: where.path,
      hint: `export ${name}=...`,
    });
  }
  return found;
}
