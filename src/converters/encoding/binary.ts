// Source: PyRIT's binary converter (Lopez Munoz et al., 2024, arXiv:2410.02828): text as bit strings.
import { byteGroupCodec } from '../shared/byte-groups.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

const BITS = byteGroupCodec({ radix: 2, width: 8 });

/** Reads 8-bit groups back into UTF-8 text, separated by spaces or not. */
export const decodeBinary = BITS.decode;

/** Writes each UTF-8 byte as 8 bits, bytes separated by spaces. */
export const binary = defineTextConverter({
  id: 'binary',
  summary: 'Writes the prompt as 8-bit groups of its UTF-8 bytes.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => BITS.decode,
  build: () => BITS.encode,
});
