// Splitting a request into innocuous-looking string pieces, as in Kang et al. (2023), arXiv:2302.05733.

/** Splits text into up to `parts` pieces at word boundaries; the pieces concatenate back to the text exactly. */
export function splitPayload(text: string, parts: number): string[] {
  // Each unit is a word with the whitespace after it (the first also keeps any leading whitespace).
  const words = text.match(/^\s*\S+\s*|\S+\s*/gu) ?? [];
  // Too few words: split the characters instead, so even a one-word goal is hidden.
  const units = words.length >= parts ? words : [...text];
  const count = Math.max(1, Math.min(parts, units.length));
  return Array.from({ length: count }, (_, i) =>
    units.slice(Math.round((i * units.length) / count), Math.round(((i + 1) * units.length) / count)).join(''),
  );
}
