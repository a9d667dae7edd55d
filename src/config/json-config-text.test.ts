import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seededRandom, type Random } from '../core/random.js';
import { ConfigError } from '../core/errors.js';
import { readJsonConfig } from './json-config-text.js';
import { parseConfigText } from './load-config.js';

// Strings that trip a hand-written scanner: quotes, escapes, colons, braces, unicode, lone surrogates.
const AWKWARD = ['', 'a', 'a: b', '"', '\\', '\\"', '{"x":1}', 'line\nbreak\ttab', 'é ü 日本', '\u{1f600}', '\ud800', '__proto__', ':', 'a\\', ' : '];

function value(random: Random, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 3 ? 4 : 6));
  if (pick === 0) return AWKWARD[Math.floor(random() * AWKWARD.length)];
  if (pick === 1) return [0, -1, 1.5, 1e21, -2.5e-7, 123456789012][Math.floor(random() * 6)];
  if (pick === 2) return [true, false, null][Math.floor(random() * 3)];
  if (pick === 3) return `s${Math.floor(random() * 1000)}`;
  if (pick === 4) return Array.from({ length: Math.floor(random() * 4) }, () => value(random, depth + 1));
  return object(random, depth + 1);
}

function object(random: Random, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Math.floor(random() * 5);
  for (let k = 0; k < keys; k++) out[random() < 0.3 ? AWKWARD[Math.floor(random() * AWKWARD.length)]! : `k${k}`] = value(random, depth);
  return out;
}

describe('configuration text that is JSON', () => {
  it('reads to the same value as the YAML parser, for any JSON object and indentation', () => {
    const random = seededRandom(21);
    for (let i = 0; i < 500; i++) {
      const text = JSON.stringify(object(random, 0), null, [0, 1, 2, '\t'][i % 4]);
      const fast = readJsonConfig(text);
      expect(fast, text).toBeDefined();
      expect(fast, text).toEqual(parse(text));
    }
  });

  it('keeps a "__proto__" key as an own key, as the YAML parser does, and never as a prototype', () => {
    const text = '{"__proto__": {"polluted": true}, "trials": 2}';
    const fast = readJsonConfig(text) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(fast)).toEqual(Object.getOwnPropertyNames(parse(text)));
    expect(Object.getPrototypeOf(fast)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('leaves a repeated key, at any depth, to the YAML parser, which refuses it', () => {
    for (const text of ['{"trials": 1, "trials": 2}', '{"target": {"type": "demo", "type": "openai"}}', '{"goals": [{"id": "a", "text": "x", "id": "b"}]}']) {
      expect(readJsonConfig(text)).toBeUndefined();
      expect(() => parseConfigText(text, 'redline.json')).toThrow(ConfigError);
      expect(() => parseConfigText(text, 'redline.json')).toThrow(/unique/i);
    }
  });

  it('leaves YAML, broken JSON and JSON that is not an object to the YAML parser', () => {
    for (const text of ['trials: 2', '{trials: 2}', '{"trials": 2,}', '[1]', '"x"', '', '  # comment\n{"a": 1}']) expect(readJsonConfig(text)).toBeUndefined();
    expect(parseConfigText('{trials: 2}', 'redline.yaml').trials).toBe(2);
  });

  it('is validated like YAML: a JSON configuration with a bad value names its path', () => {
    expect(parseConfigText('{"trials": 3}', 'redline.json').trials).toBe(3);
    expect(() => parseConfigText('{"trials": "many"}', 'redline.json')).toThrow(/trials/);
  });
});
