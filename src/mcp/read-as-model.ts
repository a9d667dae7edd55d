import { decodeUnicodeTags } from '../converters/smuggling/unicode-tags.js';
import { isInvisible } from '../converters/shared/invisible.js';

/**
 * The text as a model reads it: Unicode tag characters decoded to the ASCII they spell, other invisible characters
 * dropped (so "ig\u200Bnore" reads "ignore").
 */
export function readAsModel(text: string): string {
  return Array.from(decodeUnicodeTags(text)).filter((char) => !isInvisible(char)).join('');
}
