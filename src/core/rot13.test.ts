import { describe, expect, it } from 'vitest';
import { rot13Text } from './rot13.js';

/** The textbook definition, one letter at a time. */
const reference = (text: string): string =>
  text.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });

describe('rot13Text', () => {
  it('rotates Latin letters only and is its own inverse', () => {
    expect(rot13Text('Hello, World! 123 zZ')).toBe('Uryyb, Jbeyq! 123 mM');
    expect(rot13Text(rot13Text('Ünïcödé 😀 text\n\ttabs'))).toBe('Ünïcödé 😀 text\n\ttabs');
    expect(rot13Text('')).toBe('');
  });

  it('matches the letter-by-letter definition on long and odd texts (surrogates, lone halves)', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = ['a', 'M', 'z', 'Z', ' ', '.', 'é', '😀', '\ud800', '\n', '9', 'ß'];
    for (const length of [1, 100, 8191, 8192, 8193, 40_000]) {
      const text = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      expect(rot13Text(text)).toBe(reference(text));
    }
  });
});
