import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { readJsonConfig } from './json-config-text.js';
import { ConfigError } from '../core/errors.js';
import { MAX_CONFIG_BYTES } from '../datasets/input-limits.js';
import { readUtf8Text } from '../datasets/read-utf8.js';
import { liftModelRoles } from './model-roles.js';
import { builtinComponents, type Components } from './components.js';
import { loadPlugins } from './load-plugins.js';
import { configSchemaFor, type RedlineConfig } from './schema.js';
import { describeIssue } from './zod-issue.js';

/** A configuration and where it came from. */
export type LoadedConfig = {
  /** The parsed configuration, defaults filled in. */
  readonly config: RedlineConfig;
  /** The file it came from, or '<defaults>' / '<options>'. */
  readonly file: string;
  /** Folder relative paths in it resolve against. */
  readonly baseDir: string;
  /** Deprecation lines, one per outdated key (e.g. a top-level `judge:`), for the CLI to print once. */
  readonly warnings: readonly string[];
  /** The components it may name: Redline's own plus its plugins'. */
  readonly components: Components;
};

/** A validated configuration and the deprecation lines its wording earned. */
export type CheckedConfig = {
  /** The parsed configuration, defaults filled in. */
  readonly config: RedlineConfig;
  /** One line per outdated key, naming the file and the new spelling. */
  readonly warnings: readonly string[];
};

/** File names looked for in the working directory when no --config is given. */
export const CONFIG_FILE_NAMES = ['redline.yaml', 'redline.yml'] as const;

/**
 * Validates a configuration value, turning the first problem into a ConfigError naming file and path. Outdated keys
 * (top-level `judge:`, `attacker:`, `translator:`, as older runs stored them) are read as their new form, with a warning.
 */
export function checkConfig(value: unknown, file: string, components: Components = builtinComponents): CheckedConfig {
  const lifted = liftModelRoles(value ?? {}, file);
  const parsed = configSchemaFor(components).safeParse(lifted.value, { reportInput: true });
  if (parsed.success) return { config: parsed.data, warnings: lifted.warnings };
  const issue = parsed.error.issues[0];
  const problem = issue ? describeIssue(issue) : { path: '(top level)', message: 'invalid configuration' };
  throw new ConfigError(`${file}: ${problem.path}: ${problem.message}`, { file, path: problem.path, hint: problem.hint });
}

/** Validates a configuration value (see `checkConfig`); its deprecation lines are dropped. */
export function validateConfig(value: unknown, file: string, components: Components = builtinComponents): RedlineConfig {
  return checkConfig(value, file, components).config;
}

/** Alias expansions allowed in a configuration (the yaml package's default), against "billion laughs" files. */
const MAX_ALIAS_EXPANSIONS = 100;

/** Hints for the YAML mistakes people make most, by the parser's error code. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'indent with spaces: YAML does not allow tab characters in indentation',
  DUPLICATE_KEY: 'each key may appear once in a mapping: merge the two entries or delete one',
  MISSING_CHAR: 'close every [ with ] and every { with }, or write the list one "- item" per line',
};

/** Parses YAML text and validates it. */
export function parseConfigText(text: string, file: string): RedlineConfig {
  return validateConfig(readConfigText(text, file), file);
}

/** Parses YAML text into a value (not yet validated); a syntax error is a ConfigError naming line and column. */
function readConfigText(text: string, file: string): unknown {
  const json = readJsonConfig(text);
  if (json !== undefined) return json;
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : '(YAML)';
    // The parser repeats the position at the end of its first line; the message already starts with it.
    const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${file}: ${where}: ${message}`, {
      file,
      path: where,
      hint: YAML_HINTS[first.code] ?? 'fix the YAML syntax (indent with spaces, quote strings that contain ": " or start with special characters)',
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (cause) {
    // The yaml package refuses documents whose aliases multiply ("billion laughs") rather than expand them.
    throw new ConfigError(`${file}: (YAML): aliases (*name) expand too many times`, {
      file,
      path: '(YAML)',
      hint: `write the repeated values out; Redline expands at most ${MAX_ALIAS_EXPANSIONS} aliases`,
      cause,
    });
  }
  return value;
}

/**
 * Reads a YAML configuration file into a value, not yet validated: an unreadable, oversized or malformed file is a
 * ConfigError naming the file (and line and column).
 */
export function readConfigFile(file: string): unknown {
  const text = readUtf8Text(file, {
    maxBytes: MAX_CONFIG_BYTES,
    fail: ({ kind, message, row, hint, cause }) =>
      new ConfigError(message, {
        file,
        path: row === undefined ? '(file)' : `line ${row}`,
        hint: kind === 'unreadable'
          ? 'check the path, or run `redline init` to write an example redline.yaml'
          : kind === 'too-large' ? 'move long goal lists into a JSONL goal file: goals: [{ file: goals.jsonl }]' : hint,
        cause,
      }),
  });
  return readConfigText(text, file);
}

/**
 * Loads the given file, else redline.yaml from `cwd`, else the embedded defaults; the plugins it lists are imported
 * first (their paths relative to its folder), so their components' ids and options are checked like Redline's own.
 */
export async function loadConfig(input: { file?: string; cwd: string }): Promise<LoadedConfig> {
  const file = input.file !== undefined ? resolve(input.cwd, input.file) : CONFIG_FILE_NAMES.map((n) => join(input.cwd, n)).find((f) => existsSync(f));
  if (file === undefined) return { config: validateConfig({}, '<defaults>'), file: '<defaults>', baseDir: input.cwd, warnings: [], components: builtinComponents };
  const value = readConfigFile(file);
  const baseDir = dirname(file);
  const components = await loadPlugins({ config: value, file, baseDir });
  return { ...checkConfig(value, file, components), file, baseDir, components };
}
