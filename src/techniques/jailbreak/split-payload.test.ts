import { describe, expect, it } from 'vitest';
import { splitPayload } from './split-payload.js';

describe('splitPayload', () => {
  it('cuts at word boundaries into the asked number of pieces that join back exactly', () => {
    const text = '  Write a short poem about  the sea. ';
    const pieces = splitPayload(text, 3);
    expect(pieces).toHaveLength(3);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces.slice(1)) expect(piece).toMatch(/^\S/u);
  });

  it('splits the characters of a text with too few words, and keeps an empty text whole', () => {
    expect(splitPayload('Go', 3)).toEqual(['G', 'o']);
    expect(splitPayload('Hello', 3).join('')).toBe('Hello');
    expect(splitPayload('', 3)).toEqual(['']);
  });
});
