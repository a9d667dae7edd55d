const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Splits text into user-perceived characters, so emoji, flags and accented letters stay whole. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
