// Deliberately tiny: filter expressions in JSONPath libraries have been remote-code-execution vectors (eval of paths).

/** One step of a path: an object key or an array index. */
export type JsonPathStep = string | number;

/** A parsed path such as `$.choices[0]['message'].content`. */
export type JsonPath = {
  /** The path as written. */
  readonly source: string;
  /** The steps after `$`, in order. */
  readonly steps: readonly JsonPathStep[];
};

const dotKey = /^\.([A-Za-z_$][\w$-]*)/;
const bracketIndex = /^\[(\d+)\]/;
const bracketKey = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/;

/** Parses `$`, `.key`, `['key']` and `[0]` steps; throws a SyntaxError naming the offset of anything else. */
export function parseJsonPath(source: string): JsonPath {
  if (!source.startsWith('$')) throw new SyntaxError(`path must start with '$'`);
  const steps: JsonPathStep[] = [];
  let rest = source.slice(1);
  while (rest !== '') {
    const offset = source.length - rest.length;
    const key = dotKey.exec(rest);
    const index = key ? null : bracketIndex.exec(rest);
    const quoted = key || index ? null : bracketKey.exec(rest);
    const match = key ?? index ?? quoted;
    if (!match) throw new SyntaxError(`unsupported path syntax at offset ${offset}: only .key, ['key'] and [0] are allowed`);
    if (key) steps.push(match[1] ?? '');
    else if (index) steps.push(Number(match[1]));
    else steps.push((match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  return { source, steps };
}

/** The value at `path` inside `value`, or undefined when any step is missing. */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const step of path.steps) {
    if (typeof step === 'number') {
      current = Array.isArray(current) ? current[step] : undefined;
    } else if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
      // Own properties only: '__proto__' or 'constructor' must not reach the prototype.
      current = Object.hasOwn(current, step) ? (current as Record<string, unknown>)[step] : undefined;
    } else {
      current = undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}
