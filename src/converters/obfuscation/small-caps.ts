// Source: Boucher et al., "Bad Characters: Imperceptible NLP Attacks" (2021), arXiv:2106.09898 (look-alike characters).
import { charMapCodec, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Small capitals for a–z ('q' is U+A7AF ꞯ; 'x' has no small capital, so it stays itself). */
const SMALL_CAPS = charMapCodec(zipCharMap('abcdefghijklmnopqrstuvwxyz', Array.from('ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡxʏᴢ')), { foldCase: true });

/** Writes every Latin letter as a small capital (ʜᴇʟʟᴏ). */
export const smallCaps = defineTextConverter({
  id: 'small-caps',
  summary: 'Writes Latin letters as Unicode small capitals ("ʜᴇʟʟᴏ ᴡᴏʀʟᴅ"): readable, but other code points.',
  taxonomy: EVASION_TAXONOMY,
  version: 2,
  decode: () => SMALL_CAPS.decode,
  build: () => SMALL_CAPS.encode,
});
