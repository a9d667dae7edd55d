import { ConfigError } from '../../core/errors.js';
import type { TargetContext } from '../context.js';
import { parseJsonPath, type JsonPath } from './json-path.js';

/** Parses the JSON path written in option `target.<option>`; a syntax error becomes a ConfigError there. */
export function compileJsonPathOption(source: string, where: { context: TargetContext; option: string }): JsonPath {
  const path = `target.${where.option}`;
  try {
    return parseJsonPath(source);
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`, {
      file: where.context.configFile,
      path,
      hint: "write a path such as $.output or $.choices[0]['text']",
      cause: error,
    });
  }
}
