import { graphemes } from './graphemes.js';
import { mapWords } from './words.js';

/** Puts `separator` between every two characters of the text, or (scope 'words') only inside words. */
export function interleave(text: string, options: { separator: string; scope: 'all' | 'words' }): string {
  const join = (part: string): string => graphemes(part).join(options.separator);
  return options.scope === 'all' ? join(text) : mapWords(text, join);
}
