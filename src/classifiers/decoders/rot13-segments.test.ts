import { describe, expect, it } from 'vitest';
import { rot13Text } from '../../core/rot13.js';
import { seededRandom } from '../../core/random.js';
import { countCommonWords } from './common-words.js';
import { decodeRot13Segments } from './rot13-segments.js';

/** The definition: rotate each segment, count common words before and after, keep the rotation where it reads better. */
function byDefinition(text: string): string | null {
  const parts = text.split(/(\n|:\s+)/);
  let decoded = false;
  const out = parts.map((part, index) => {
    if (index % 2 === 1) return part;
    const flipped = rot13Text(part);
    const after = countCommonWords(flipped);
    if (after < 2 || after <= 2 * countCommonWords(part)) return part;
    decoded = true;
    return flipped;
  });
  return decoded ? out.join('') : null;
}

const PLAIN = ['the', 'how', 'to', 'make', 'a', 'you', "don't", 'Secret', 'PASSWORD', 'zebra', 'quartz', 'step', "it's", 'ill'];
const ODD = ['café', 'K', 'İstanbul', 'naïve', '日本', '\u{1f600}'];
const GLUE = [' ', ' ', ', ', '. ', '\n', ': ', ':  ', '!'];

describe('rot13 segments', () => {
  it('decode exactly as the definition does, for ASCII segments and for segments with any other character', () => {
    const random = seededRandom(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let decodedSome = 0;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let w = 0, n = 1 + Math.floor(random() * 16); w < n; w++) {
        const word = random() < 0.08 ? pick(ODD) : pick(PLAIN);
        // Some words arrive rotated, so that some segments read as English only after rot13.
        text += (random() < 0.5 ? rot13Text(word) : word) + pick(GLUE);
      }
      const expected = byDefinition(text);
      expect(decodeRot13Segments(text), JSON.stringify(text)).toBe(expected);
      if (expected !== null) decodedSome += 1;
    }
    expect(decodedSome).toBeGreaterThan(100);
  });

  it('counts a segment outside ASCII as written: the Kelvin sign lower-cases to k, which rot13 never turned', () => {
    // "\u212Avyy" rotates to "\u212Aill", read as "kill" once lower-cased: two common words after, none before.
    const text = '\u212Avyy \u212Avyy';
    expect(decodeRot13Segments(text)).toBe(byDefinition(text));
    expect(decodeRot13Segments(text)).toBe('\u212Aill \u212Aill');
  });

  it('decodes a rot13 line and leaves the English one', () => {
    expect(decodeRot13Segments(`Here you go:\n${rot13Text('how to make the secret password')}`)).toBe('Here you go:\nhow to make the secret password');
    expect(decodeRot13Segments('how to make the secret password')).toBeNull();
  });
});
