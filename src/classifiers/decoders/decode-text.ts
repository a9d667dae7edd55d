import { decodeBase64Blobs } from './base64-blobs.js';
import { decodeLeetspeak, isCommonWord, type IsWord } from './leetspeak.js';
import { decodeRot13Segments } from './rot13-segments.js';

/** Every encoding the decoders undo, in the order they are tried. */
export const ENCODINGS = ['base64', 'rot13', 'leetspeak'] as const;

/** An encoding the decoders undo. */
export type Encoding = (typeof ENCODINGS)[number];

/** A text with its recognised encodings undone. */
export type DecodedText = {
  /** The text with every recognised encoding undone. */
  readonly text: string;
  /** The encodings that were undone, in the order they were tried. */
  readonly encodings: readonly Encoding[];
};

/** Options of `decodeText`. */
export type DecodeTextOptions = {
  /** Decides whether a leet '1' reads as 'l' or 'i' (default: 'l' when that makes a common English word). */
  readonly isWord?: IsWord;
};

const decoders: readonly (readonly [Encoding, (text: string, isWord: IsWord) => string | null])[] = [
  ['base64', decodeBase64Blobs],
  ['rot13', decodeRot13Segments],
  ['leetspeak', decodeLeetspeak],
];

/** Undoes base64 blobs, then rot13 segments, then leetspeak, recording which were found. */
export function decodeText(surface: string, options: DecodeTextOptions = {}): DecodedText {
  const isWord = options.isWord ?? isCommonWord;
  let text = surface;
  const encodings: Encoding[] = [];
  for (const [encoding, decode] of decoders) {
    const decoded = decode(text, isWord);
    if (decoded === null) continue;
    encodings.push(encoding);
    text = decoded;
  }
  return { text, encodings };
}
