import { createRegistry } from '../core/registry.js';
import { atbash, base32, base64, binary, braille, caesar, hex, morse, nato, rot13, urlEncode } from './encoding/index.js';
import { askToDecode, prefix, suffix } from './framing/index.js';
import {
  acrostic,
  charSpacing,
  charSwap,
  diacritics,
  emojiLetters,
  homoglyph,
  leetspeak,
  randomCase,
  reverse,
  smallCaps,
  stringJoin,
  wordSplit,
  zalgo,
} from './obfuscation/index.js';
import { bidiWrap, unicodeTags, variationSelectors, zeroWidth } from './smuggling/index.js';

/** Every converter Redline ships; the only place the id list is written. */
export const converterRegistry = createRegistry('converter', [
  // encoding/
  base64, base32, hex, binary, urlEncode, rot13, caesar, atbash, morse, nato, braille,
  // obfuscation/
  leetspeak, homoglyph, smallCaps, emojiLetters, randomCase, charSwap, charSpacing, stringJoin, wordSplit, reverse, acrostic, diacritics, zalgo,
  // smuggling/
  zeroWidth, unicodeTags, variationSelectors, bidiWrap,
  // framing/
  askToDecode, prefix, suffix,
]);

/** A converter id known to the registry. */
export type ConverterId = (typeof converterRegistry.ids)[number];
