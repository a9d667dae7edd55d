// Most replies are plain ASCII, and a Unicode-aware pattern costs V8 far more on them than its ASCII form does: the
// nine other-language refusal patterns take ~26 µs on 400 characters of English with the `u` flag and `\p{L}`, ~2 µs
// as their ASCII twins.

const ASCII = /^[\x00-\x7f]*$/;

/** True when every character of `text` is ASCII. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

// What only the `u` flag can write: property escapes other than \p{L}, code point escapes, the `v` flag.
const UNICODE_ONLY = /\\[pP]\{(?!L\})|\\u\{/;

/**
 * The twin of a Unicode-aware pattern (`u` flag, `\p{L}` for letters) that finds the same matches in ASCII text:
 * there `\p{L}` is `[A-Za-z]`, and the `u` flag changes nothing else — case-insensitive `\w` and `\b` differ only on
 * ſ and K (U+017F, U+212A), and without `u` no non-ASCII letter of the pattern matches an ASCII one (ECMAScript's
 * Canonicalize keeps them apart). A pattern with anything else only `u` can write is refused when the module loads.
 */
export function asciiTwin(pattern: RegExp): RegExp {
  if (!pattern.flags.includes('u')) return pattern;
  if (UNICODE_ONLY.test(pattern.source) || pattern.flags.includes('v')) throw new Error(`no ASCII twin for /${pattern.source}/${pattern.flags}`);
  return new RegExp(pattern.source.replaceAll('\\p{L}', '[A-Za-z]'), pattern.flags.replace('u', ''));
}
