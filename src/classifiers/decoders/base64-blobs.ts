// Shorter runs of base64 letters are ordinary words far more often than encodings.
const minBlobLength = 12;
const minPrintableShare = 0.9;

/**
 * A run of at least minBlobLength base64 letters, with its padding. The look-behind finds the same blobs as
 * /[A-Za-z0-9+/]{12,}={0,2}/ (a run too short at its start is too short at every later letter), but gives up at once
 * inside a run instead of counting its letters again at each one: half the time on real replies.
 */
export const BASE64_BLOB = new RegExp(`(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{${minBlobLength},}={0,2}`, 'g');

/** Replaces valid, mostly printable base64 blobs in `text` by their decoded text; null when there are none. */
export function decodeBase64Blobs(text: string): string | null {
  let decoded = false;
  const out = text.replace(BASE64_BLOB, (candidate) => {
    const plain = decodeBlob(candidate);
    if (plain === null) return candidate;
    decoded = true;
    return plain;
  });
  return decoded ? out : null;
}

function decodeBlob(candidate: string): string | null {
  if (candidate.length % 4 === 1) return null;
  const bytes = Buffer.from(candidate, 'base64');
  // Node decodes leniently; re-encoding tells a real encoding from a word that merely looks like one.
  if (bytes.toString('base64').replace(/=+$/, '') !== candidate.replace(/=+$/, '')) return null;
  const plain = bytes.toString('utf8');
  return isMostlyPrintable(plain) ? plain : null;
}

function isMostlyPrintable(text: string): boolean {
  const chars = [...text];
  if (chars.length === 0 || !/[a-z]{2}/i.test(text)) return false;
  const printable = chars.filter((char) => char !== '\uFFFD' && /[\p{L}\p{N}\p{P}\p{S}\s]/u.test(char)).length;
  return printable / chars.length >= minPrintableShare;
}
