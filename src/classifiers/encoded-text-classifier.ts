import { z } from 'zod';
import { classifierText, type Detection } from '../core/classifier.js';
import { decodeText, type Encoding } from './decoders/decode-text.js';
import { defineClassifier, type PureClassifier } from './define-classifier.js';

const id = 'encoded-text';

/** Options of the encoded-text classifier (it takes none), as configuration validates them. */
export const encodedTextClassifierOptions = z.strictObject({ id: z.literal(id) });

/**
 * What the encoded-text classifier found. Label: the encodings undone, joined by '+' in the order they were undone
 * (e.g. 'base64', 'base64+leetspeak'), or 'plain'; evidence: the decoded text.
 */
export type EncodedTextDetection = Detection & {
  /** The encodings undone, in the order they were tried (base64, rot13, leetspeak). */
  readonly encodings: readonly Encoding[];
  /** The text with every recognised encoding undone (the input itself when plain). */
  readonly decoded: string;
};

/** Finds base64 blobs, rot13 segments and leetspeak, and undoes them so a reader can see what was asked. */
export const encodedTextClassifier = defineClassifier({
  id,
  summary: 'Flags text hiding words in base64, rot13 or leetspeak, and gives the decoded text.',
  version: 1,
  direction: 'input',
  options: encodedTextClassifierOptions,
  create: (): PureClassifier<EncodedTextDetection> => ({
    id,
    direction: 'input',
    classify: (input) => {
      const { text, encodings } = decodeText(classifierText(input));
      const flagged = encodings.length > 0;
      return { label: flagged ? encodings.join('+') : 'plain', flagged, evidence: flagged ? [text] : [], encodings, decoded: text };
    },
  }),
});
