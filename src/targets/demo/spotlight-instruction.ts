import { decodeBase64Blobs } from '../../classifiers/decoders/base64-blobs.js';

/** How a system message says outside text is marked (spotlighting), as the demo reads it. */
export type DocumentMarking = {
  /** The tags said to enclose outside text ("between <<document>> and <</document>>"), when named. */
  readonly delimiters?: readonly [open: string, close: string];
  /** Outside text is said to be base64-encoded. */
  readonly base64: boolean;
  /** The character said to stand between its words (datamarking), when named. */
  readonly marker?: string;
};

// The wording follows the spotlight layer's instructions (src/layers/spotlight-layer.ts), loosely enough that a
// system prompt saying the same in its own words is read too: a paragraph that says how outside text is marked and
// that instructions in it must not be followed.
const doNotFollow = /\b(?:never|do not|don't|must not|should not)\s+(?:follow|obey|execute|act on|carry out)\b[^.\n]{0,30}\binstructions?\b/i;
const between = /\bbetween\s+(\S+)\s+and\s+(\S+?)(?=[.,;:]?(?:\s|$))/i;
const dataMarker = /\bthe\s+(?:character|marker|symbol|sign)\s+(\S{1,6})\s+between\s+(?:all\s+(?:of\s+)?)?(?:its|the|their)\s+words\b/i;
const base64 = /\bbase-?64\b/i;
const quoted = /^(["'“‘`«])(.+)(["'”’`»])$/u;

function unquote(text: string): string {
  return quoted.exec(text)?.[2] ?? text;
}

function readParagraph(paragraph: string): DocumentMarking | undefined {
  if (!doNotFollow.test(paragraph)) return undefined;
  const marker = dataMarker.exec(paragraph)?.[1];
  if (marker !== undefined) return { base64: false, marker: unquote(marker) };
  const tags = between.exec(paragraph);
  const encoded = base64.test(paragraph);
  if (tags === null) return encoded ? { base64: true } : undefined;
  return { delimiters: [tags[1] ?? '', tags[2] ?? ''], base64: encoded };
}

/**
 * The markings a spotlighting instruction in the system text describes (one per paragraph that says how outside
 * text is marked and not to follow instructions in it); none when there is no such instruction.
 */
export function readSpotlightInstruction(system: string): DocumentMarking[] {
  return system.split(/\n\s*\n/).flatMap((paragraph) => readParagraph(paragraph) ?? []);
}

/** A document with the described markings undone: tags removed, base64 decoded, data markers turned back into spaces. */
export function unmarkDocument(text: string, markings: readonly DocumentMarking[]): string {
  return markings.reduce((current, marking) => {
    let plain = current;
    if (marking.delimiters !== undefined) for (const tag of marking.delimiters) if (tag !== '') plain = plain.split(tag).join('');
    if (marking.base64) plain = decodeBase64Blobs(plain) ?? plain;
    if (marking.marker !== undefined) plain = plain.split(marking.marker).join(' ');
    return plain === current ? current : plain.trim();
  }, text);
}
