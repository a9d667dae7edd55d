import { decodeText, type DecodedText } from '../../classifiers/decoders/decode-text.js';
import { isCommonWord } from '../../classifiers/decoders/leetspeak.js';
import { hasHarmfulKeyword } from './intent.js';

/** A leet '1' reads as 'l' when that makes a common word or one of the demo's harmful keywords ("expl0s1ves"). */
const isDemoWord = (word: string): boolean => isCommonWord(word) || hasHarmfulKeyword(word);

/** Undoes base64 blobs, then rot13 segments, then leetspeak (the shared decoders), recording which were found. */
export function decodeRequestText(surface: string): DecodedText {
  return decodeText(surface, { isWord: isDemoWord });
}
