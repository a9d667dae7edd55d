// Source: garak's encoding-injection probes (NVIDIA, 2023), which include hex-encoded payloads.
import { byteGroupCodec } from '../shared/byte-groups.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

const HEX = byteGroupCodec({ radix: 16, width: 2 });

/** Reads hex bytes back into UTF-8 text, separated by spaces or not ('48 65 6c' or '48656c'). */
export const decodeHex = HEX.decode;

/** Writes each UTF-8 byte as two lowercase hex digits, bytes separated by spaces. */
export const hex = defineTextConverter({
  id: 'hex',
  summary: 'Writes the prompt as space-separated hex bytes of its UTF-8 encoding.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => HEX.decode,
  build: () => HEX.encode,
});
