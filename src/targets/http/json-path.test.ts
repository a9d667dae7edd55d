import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath } from './json-path.js';

const reply = { output: { text: 'hi', 'odd key': ['a', 'b'] }, choices: [{ message: { content: 'yo' } }], n: 0 };
const at = (path: string): unknown => readJsonPath(reply, parseJsonPath(path));

describe('JSON path', () => {
  it('reads $, dotted keys, quoted keys and indexes', () => {
    expect(at('$')).toBe(reply);
    expect(at('$.output.text')).toBe('hi');
    expect(at("$.output['odd key'][1]")).toBe('b');
    expect(at('$["choices"][0].message.content')).toBe('yo');
    expect(at('$.n')).toBe(0);
  });

  it('returns undefined for anything missing', () => {
    expect(at('$.output.missing')).toBeUndefined();
    expect(at('$.choices[5].message')).toBeUndefined();
    expect(at('$.output[0]')).toBeUndefined();
    expect(at('$.output.text.length')).toBeUndefined();
  });

  it('never walks into the prototype', () => {
    expect(at('$.constructor')).toBeUndefined();
    expect(at("$['__proto__']")).toBeUndefined();
  });

  it('unescapes quoted keys', () => {
    expect(parseJsonPath("$['it\\'s']").steps).toEqual(["it's"]);
  });

  it.each(['output', '$..text', '$[?(@.x)]', '$.a[*]', '$[-1]', "$['unterminated]", '$.a.'])(
    'rejects unsupported syntax %s',
    (path) => {
      expect(() => parseJsonPath(path)).toThrow(SyntaxError);
    },
  );
});
