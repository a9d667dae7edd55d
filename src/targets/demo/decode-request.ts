import { decodeBase64Blobs } from './base64-blobs.js';
import { decodeLeetspeak } from './leetspeak.js';
import { decodeRot13Segments } from './rot13.js';
import type { DemoEncoding } from './weights.js';

/** What the demo made of a message's surface text. */
export type DecodedText = {
  /** The text with every recognised encoding undone. */
  readonly text: string;
  /** The encodings that were undone, in the order they were tried. */
  readonly encodings: readonly DemoEncoding[];
};

const decoders: readonly (readonly [DemoEncoding, (text: string) => string | null])[] = [
  ['base64', decodeBase64Blobs],
  ['rot13', decodeRot13Segments],
  ['leetspeak', decodeLeetspeak],
];

/** Undoes base64 blobs, then rot13 segments, then leetspeak, recording which were found. */
export function decodeRequestText(surface: string): DecodedText {
  let text = surface;
  const encodings: DemoEncoding[] = [];
  for (const [encoding, decode] of decoders) {
    const decoded = decode(text);
    if (decoded === null) continue;
    encodings.push(encoding);
    text = decoded;
  }
  return { text, encodings };
}
