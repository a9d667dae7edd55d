// Source: Boucher et al., "Bad Characters: Imperceptible NLP Attacks" (2021), arXiv:2106.09898 (look-alike characters).
import { charMapCodec, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Small-capital look-alikes for a–z ('q' and 'x' have no small capital, so near matches stand in). */
const SMALL_CAPS = charMapCodec(zipCharMap('abcdefghijklmnopqrstuvwxyz', Array.from('ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ')), { foldCase: true });

/** Writes every Latin letter as a small capital (ʜᴇʟʟᴏ). */
export const smallCaps = defineTextConverter({
  id: 'small-caps',
  summary: 'Writes Latin letters as Unicode small capitals ("ʜᴇʟʟᴏ ᴡᴏʀʟᴅ"): readable, but other code points.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  decode: () => SMALL_CAPS.decode,
  build: () => SMALL_CAPS.encode,
});
