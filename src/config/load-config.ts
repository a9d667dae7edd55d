import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError } from '../core/errors.js';
import { configSchema, type RedlineConfig } from './schema.js';
import { describeIssue } from './zod-issue.js';

/** A configuration and where it came from. */
export type LoadedConfig = {
  /** The parsed configuration, defaults filled in. */
  readonly config: RedlineConfig;
  /** The file it came from, or '<defaults>' / '<options>'. */
  readonly file: string;
  /** Folder relative paths in it resolve against. */
  readonly baseDir: string;
};

/** File names looked for in the working directory when no --config is given. */
export const CONFIG_FILE_NAMES = ['redline.yaml', 'redline.yml'] as const;

/** Validates a configuration value, turning the first problem into a ConfigError naming file and path. */
export function validateConfig(value: unknown, file: string): RedlineConfig {
  const parsed = configSchema.safeParse(value ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const problem = issue ? describeIssue(issue) : { path: '(top level)', message: 'invalid configuration' };
  throw new ConfigError(`${file}: ${problem.path}: ${problem.message}`, { file, path: problem.path, hint: problem.hint });
}

/** Parses YAML text and validates it. */
export function parseConfigText(text: string, file: string): RedlineConfig {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : '(YAML)';
    throw new ConfigError(`${file}: ${where}: ${first.message.split('\n')[0]}`, {
      file,
      path: where,
      hint: 'fix the YAML syntax (indent with spaces, quote strings that contain ": " or start with special characters)',
    });
  }
  return validateConfig(doc.toJS(), file);
}

/** Loads the given file, else redline.yaml from `cwd`, else the embedded defaults. */
export function loadConfig(input: { file?: string; cwd: string }): LoadedConfig {
  const file = input.file !== undefined ? resolve(input.cwd, input.file) : CONFIG_FILE_NAMES.map((n) => join(input.cwd, n)).find((f) => existsSync(f));
  if (file === undefined) return { config: validateConfig({}, '<defaults>'), file: '<defaults>', baseDir: input.cwd };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConfigError(`${file}: cannot read the configuration (${code})`, {
      file,
      path: '(file)',
      hint: code === 'ENOENT' ? 'check the path, or run `redline init` to write an example redline.yaml' : 'check the file permissions',
      cause: error,
    });
  }
  return { config: parseConfigText(text, file), file, baseDir: dirname(file) };
}
