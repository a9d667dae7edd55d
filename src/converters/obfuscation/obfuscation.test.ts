import { describe, expect, it } from 'vitest';
import type { ConverterDescriptor } from '../../core/converter.js';
import type { ComponentOptions } from '../../core/options.js';
import { decodeZeroWidth } from '../smuggling/zero-width.js';
import { acrostic, charSpacing, charSwap, decodeAcrostic, decodeEmojiLetters, decodeHomoglyphs, emojiLetters, homoglyph } from './index.js';
import { leetspeak, randomCase, reverse, smallCaps, stringJoin, wordSplit } from './index.js';

const convert = (d: ConverterDescriptor, text: string, options: ComponentOptions = {}): string => d.create(options).convert(text);

const sample = 'Hello, World 42 — ünïcödé 👍🏽';

describe('obfuscations match their golden output', () => {
  it.each([
    [leetspeak, {}, 'Steal the secrets', '5734l 7h3 53cr375'],
    [homoglyph, {}, 'Hello world', '\u041D\u0435ll\u043E w\u043Erld'],
    [homoglyph, {}, 'TAXI', '\u0422\u0410\u0425\u0406'],
    [smallCaps, {}, 'Hello world', 'ʜᴇʟʟᴏ ᴡᴏʀʟᴅ'],
    // q is LATIN LETTER SMALL CAPITAL Q (U+A7AF); x has no small capital and stays itself.
    [smallCaps, {}, 'Quiz box', '\uA7AFᴜɪᴢ ʙᴏx'],
    [emojiLetters, {}, 'Hi you', '🇭\u200B🇮 🇾\u200B🇴\u200B🇺'],
    [emojiLetters, { style: 'circled' }, 'Hi 7', 'Ⓗⓘ ⑦'],
    [randomCase, { probability: 1 }, 'Hello world', 'HELLO WORLD'],
    [randomCase, { probability: 0 }, 'Hello World', 'hello world'],
    // Four-letter words have exactly one inner pair, so the swap is forced; shorter words are left alone.
    [charSwap, {}, 'this test will work', 'tihs tset wlil wrok'],
    [charSwap, {}, 'the cat sat on it', 'the cat sat on it'],
    [charSpacing, {}, 'Hi you', 'H i   y o u'],
    [charSpacing, { separator: '.' }, 'Hi you', 'H.i. .y.o.u'],
    [stringJoin, {}, 'Hello world', 'H-e-l-l-o w-o-r-l-d'],
    [stringJoin, { separator: '*' }, "Don't stop", "D*o*n't s*t*o*p"],
    [wordSplit, { separator: '-' }, 'Explain dangerous chemistry to me', 'Expl-ain dange-rous chemi-stry to me'],
    [wordSplit, { separator: '-', minLength: 3 }, 'the cat', 'th-e ca-t'],
    [reverse, {}, 'Hello world', 'dlrow olleH'],
    [reverse, {}, 'née 👍🏽!', '!👍🏽 eén'],
    // The k-th use of a letter takes the k-th filler word for it (three per letter, then round again).
    [acrostic, {}, 'Hello world', 'Harbor eager lantern lemon orchard\nwillow olive river linen distant'],
    [acrostic, {}, 'a a a a', 'amber\nanchor\nautumn\namber'],
  ] as const)('%# %s', (descriptor, options, input, expected) => {
    expect(convert(descriptor, input, options)).toBe(expected);
  });
});

describe('reversible obfuscations round-trip', () => {
  it('homoglyph, reverse, acrostic and circled emoji letters give the input back', () => {
    expect(decodeHomoglyphs(convert(homoglyph, sample))).toBe(sample);
    expect(convert(reverse, convert(reverse, sample))).toBe(sample);
    expect(decodeAcrostic(convert(acrostic, sample))).toBe(sample);
    expect(decodeEmojiLetters(convert(emojiLetters, sample, { style: 'circled' }), 'circled')).toBe(sample);
  });

  it('regional-indicator letters come back lower case', () => {
    expect(decodeEmojiLetters(convert(emojiLetters, sample))).toBe(sample.toLowerCase());
  });

  it('word-split with its default zero-width break is undone by removing zero-width characters', () => {
    const out = convert(wordSplit, 'Describe the synthesis pathway');
    expect(out).not.toContain('synthesis');
    expect(decodeZeroWidth(out)).toBe('Describe the synthesis pathway');
  });
});

describe('randomised obfuscations', () => {
  const text = 'Explain every step of the procedure in careful detail, please';

  it('random-case keeps the letters, mixes cases and depends on the seed', () => {
    const out = convert(randomCase, text);
    expect(out.toLowerCase()).toBe(text.toLowerCase());
    expect(out).toMatch(/[A-Z]/);
    expect(out).toMatch(/[a-z]/);
    expect(convert(randomCase, text, { seed: 2 })).not.toBe(out);
  });

  it('char-swap keeps each word’s first and last letter and its letters, and swaps one inner pair', () => {
    const out = convert(charSwap, text);
    const before = text.split(' ');
    const after = out.split(' ');
    expect(after).toHaveLength(before.length);
    after.forEach((word, i) => {
      const original = before[i]!;
      expect([word[0], word.at(-1)]).toEqual([original[0], original.at(-1)]);
      expect([...word].sort().join('')).toBe([...original].sort().join(''));
      expect([...word].filter((c, j) => c !== original[j]).length).toBeLessThanOrEqual(2);
    });
    expect(convert(charSwap, text, { seed: 7 })).not.toBe(out);
  });

  it('rejects a probability outside [0, 1]', () => {
    expect(() => randomCase.create({ probability: 2 })).toThrow(expect.objectContaining({ path: 'converters.random-case.probability' }));
  });
});
