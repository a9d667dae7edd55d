import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { asciiTwin, isAscii } from './ascii-text.js';
import { OTHER_LANGUAGE_REFUSALS } from './refusal/other-refusals.js';

// Words the other-language refusals look for, and English around them, so that random texts do match now and then.
const WORDS = ['no', 'puedo', 'ayudar', 'lo', 'siento', 'je', 'ne', 'peux', 'pas', 'ich', 'kann', 'dir', 'nicht', 'nur', 'tut', 'mir', 'leid',
  'nao', 'non', 'posso', 'aiutare', 'mi', 'dispiace', 'sure', 'here', 'is', 'how', 'I', 'cannot', 'help', 'NO', 'Puedo', 'KANN', 'NICHT', 'sk'];
const PHRASES = ['no puedo ayudar', 'No podemos hacer', 'lo siento, pero no puedo', 'je ne peux pas', 'Je ne suis pas en mesure de', 'ich kann dir nicht',
  'wir werden das nicht nur', 'tut mir leid, aber nicht', 'non posso aiutare', 'mi dispiace, non posso', 'no es posible dar'];
const GLUE = [' ', ' ', ' ', '. ', ', ', '\n', ' - '];

describe('ASCII twins of Unicode-aware patterns', () => {
  it('find the same first match as the originals in any ASCII text', () => {
    const random = seededRandom(7);
    const twins = OTHER_LANGUAGE_REFUSALS.map(asciiTwin);
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let w = 0, n = 2 + Math.floor(random() * 14); w < n; w++) {
        const pool = random() < 0.15 ? PHRASES : WORDS;
        text += pool[Math.floor(random() * pool.length)]! + GLUE[Math.floor(random() * GLUE.length)]!;
      }
      expect(isAscii(text)).toBe(true);
      OTHER_LANGUAGE_REFUSALS.forEach((pattern, k) => {
        const original = pattern.exec(text);
        const twin = twins[k]!.exec(text);
        expect(twin?.[0], `${pattern} on ${JSON.stringify(text)}`).toBe(original?.[0]);
        expect(twin?.index).toBe(original?.index);
        if (original !== null) matched += 1;
      });
    }
    // The texts exercise the patterns: plenty of them match.
    expect(matched).toBeGreaterThan(100);
  });

  it('refuses a pattern with Unicode syntax it cannot translate, and keeps a pattern without the u flag', () => {
    expect(() => asciiTwin(/\p{N}+/u)).toThrow(/no ASCII twin/);
    expect(() => asciiTwin(/\u{1F600}/u)).toThrow(/no ASCII twin/);
    const plain = /abc/i;
    expect(asciiTwin(plain)).toBe(plain);
  });

  it('tells ASCII text from text with any other character', () => {
    expect(isAscii('plain text\n\t~')).toBe(true);
    expect(isAscii('')).toBe(true);
    expect(isAscii('café')).toBe(false);
    expect(isAscii('\u{1f600}')).toBe(false);
  });
});
