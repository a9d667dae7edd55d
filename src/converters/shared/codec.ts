/** A reversible text transformation: `decode(encode(text))` gives `text` back (within the codec's stated limits). */
export type Codec = {
  /** Converts plain text. */
  readonly encode: (text: string) => string;
  /** Undoes `encode`. */
  readonly decode: (text: string) => string;
};
