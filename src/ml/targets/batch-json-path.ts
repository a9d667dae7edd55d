import { ConfigError } from '../../core/errors.js';
import type { TargetContext } from '../../targets/context.js';
import { readJsonPath, type JsonPath } from '../../targets/http/json-path.js';
import { compileJsonPathOption } from '../../targets/http/json-path-option.js';

/** A reply path that may mark, with `[*]`, the list holding one entry per input of a batch. */
export type BatchJsonPath = {
  /** The path as written. */
  readonly source: string;
  /** Up to the list (the whole path when there is no `[*]`). */
  readonly list: JsonPath;
  /** From each entry of the list to the value; absent when there is no `[*]`. */
  readonly entry?: JsonPath;
};

/** Parses `$.label`, `$.predictions[0].probabilities`, `$.predictions[*].label`…; a batched path needs exactly one `[*]`. */
export function compileBatchJsonPath(source: string, where: { context: TargetContext; option: string; batched: boolean }): BatchJsonPath {
  const parts = source.split('[*]');
  const path = `target.${where.option}`;
  if (parts.length > 2 || (where.batched && parts.length === 1)) {
    throw new ConfigError(`${path}: ${parts.length > 2 ? 'only one [*] is allowed' : 'a batched reply needs [*] where its list of predictions is'}`, {
      file: where.context.configFile,
      path,
      hint: 'mark the list with one [*], e.g. $.predictions[*].label',
    });
  }
  const list = compileJsonPathOption(parts[0]!, where);
  return parts.length === 1 ? { source, list } : { source, list, entry: compileJsonPathOption(`$${parts[1]}`, where) };
}

/** One value per input, read from a parsed reply; undefined when the path is missing or the list has another length. */
export function readBatchValues(reply: unknown, read: { path: BatchJsonPath; count: number }): unknown[] | undefined {
  const { path, count } = read;
  const found = readJsonPath(reply, path.list);
  if (path.entry === undefined) return found === undefined || count !== 1 ? undefined : [found];
  if (!Array.isArray(found) || found.length !== count) return undefined;
  const entry = path.entry;
  const values = found.map((item: unknown) => readJsonPath(item, entry));
  return values.some((value) => value === undefined) ? undefined : values;
}
