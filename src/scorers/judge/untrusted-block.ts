import { contentHash } from '../../core/hash.js';

/**
 * A boundary token that none of `texts` contains, in any case. It is derived from a hash of the texts, so the same
 * texts always give the same prompt, while a text cannot carry the token meant to close its own block.
 */
export function boundaryFor(texts: readonly string[]): string {
  const upper = texts.map((t) => t.toUpperCase());
  for (let salt = 0; ; salt += 1) {
    const token = `RL-${contentHash({ texts, salt }).toUpperCase()}`;
    if (!upper.some((t) => t.includes(token))) return token;
  }
}

/** `text` between a BEGIN and an END line that carry the boundary, marked as untrusted data. */
export function untrustedBlock(input: { label: string; text: string; boundary: string }): string {
  const { label, text, boundary } = input;
  return [`<<<BEGIN ${label} ${boundary}>>>`, text, `<<<END ${label} ${boundary}>>>`].join('\n');
}
