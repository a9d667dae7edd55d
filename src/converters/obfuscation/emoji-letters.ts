// Source: PyRIT's emoji converter (Lopez Munoz et al., 2024, arXiv:2410.02828): letters as emoji-like symbols.
import { charMapCodec, codePointRun, zipCharMap } from '../shared/char-map.js';
import type { Codec } from '../shared/codec.js';
import { chooseOption } from '../shared/converter-options.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** Each style's codec; regional indicators are split by ZWSP so neighbours do not fuse into flags. */
const STYLES: Readonly<Record<'regional' | 'circled', Codec>> = {
  regional: charMapCodec(zipCharMap(LOWER, codePointRun(0x1f1e6, 26)), { separator: '\u200B', foldCase: true }),
  circled: charMapCodec({
    ...zipCharMap(LOWER.toUpperCase(), codePointRun(0x24b6, 26)),
    ...zipCharMap(LOWER, codePointRun(0x24d0, 26)),
    ...zipCharMap('0123456789', ['⓪', ...codePointRun(0x2460, 9)]),
  }),
};

/** Reads emoji letters of the given style back into text (regional indicators come back lower case). */
export function decodeEmojiLetters(text: string, style: 'regional' | 'circled' = 'regional'): string {
  return STYLES[style].decode(text);
}

/** Writes letters as regional-indicator symbols (🇭🇪…) or circled letters (Ⓗⓔ…). */
export const emojiLetters = defineTextConverter({
  id: 'emoji-letters',
  summary: 'Writes letters as regional-indicator emoji (🇭 🇪 …) or, with style=circled, circled letters (Ⓗⓔ…).',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  defaults: { style: 'regional' },
  decode: ({ style }) => (text) => decodeEmojiLetters(text, style as 'regional' | 'circled'),
  build: ({ style }) => chooseOption({ id: 'emoji-letters', key: 'style', value: style, table: STYLES }).encode,
});
