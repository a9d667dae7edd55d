// Source: character-level obfuscation probes, e.g. garak's encoding and leetspeak probes (NVIDIA, 2023).
import { charMapCodec, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

const LEET = charMapCodec(zipCharMap('aeiost', Array.from('431057')), { foldCase: true });

/** Replaces common letters with look-alike digits (a→4, e→3, i→1, o→0, s→5, t→7). */
export const leetspeak = defineTextConverter({
  id: 'leetspeak',
  summary: 'Swaps letters for look-alike digits (a→4, e→3, …) to slip past keyword filters.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  decode: () => LEET.decode,
  build: () => LEET.encode,
});
