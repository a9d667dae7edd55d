import { decodeUnicodeTags } from '../converters/smuggling/unicode-tags.js';
import { isInvisible } from '../converters/shared/invisible.js';
import { clipEvidence, escapeHidden, isTagCharacter, quoteAround } from './evidence.js';
import { mcpFinding, mcpSeverityRank, type McpFinding, type McpSeverity } from './finding.js';
import type { ItemText } from './item-texts.js';

/** The kinds of invisible character the rule tells apart, most severe first. */
type HiddenKind = 'tag' | 'bidi' | 'zero-width' | 'variation-selector' | 'control' | 'format';

const SEVERITY: Record<HiddenKind, McpSeverity> = {
  'tag': 'critical', // spells hidden ASCII a model reads and a person cannot see
  'bidi': 'high', // reorders what a person sees
  'zero-width': 'medium',
  'variation-selector': 'medium', // long runs of them can encode bytes ("emoji smuggling")
  'control': 'medium', // C0/C1 controls, e.g. terminal escape sequences
  'format': 'low', // other format characters, e.g. a soft hyphen
};

const LABEL: Record<HiddenKind, [string, string]> = {
  'tag': ['Unicode tag character', 'Unicode tag characters'], 'bidi': ['bidirectional control', 'bidirectional controls'],
  'zero-width': ['zero-width character', 'zero-width characters'], 'variation-selector': ['variation selector', 'variation selectors'],
  'control': ['control character', 'control characters'], 'format': ['other invisible format character', 'other invisible format characters'],
};

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const ZERO_WIDTH = new Set([0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
// Joiners are legitimate inside emoji sequences (👩‍💻) and in scripts such as Persian or Devanagari.
const JOINABLE = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\uFE0F\u20E3]|(?!\p{Script=Latin})\p{L}|\p{M})$/u;

// Subdivision flags (🏴󠁧󠁢󠁳󠁣󠁴󠁿, Scotland) are emoji spelled with tag characters: a black flag, a region code, a cancel tag.
const FLAG_SEQUENCE = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,7}\u{E007F}/gu;

/** The text with emoji flag sequences taken out (their tag characters hide nothing). */
function withoutFlags(text: string): string {
  return text.replace(FLAG_SEQUENCE, '\u{1F3F4}');
}

const isVariationSelector = (code: number): boolean => (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);

/** The kind of a hidden character at position `i` of `chars`, or undefined for a visible one (or a legitimate joiner). */
function hiddenKind(chars: readonly string[], i: number): HiddenKind | undefined {
  const char = chars[i]!;
  const code = char.codePointAt(0)!;
  if (isTagCharacter(code)) return 'tag';
  if (BIDI.has(code)) return 'bidi';
  if (ZERO_WIDTH.has(code)) {
    const joiner = code === 0x200c || code === 0x200d;
    return joiner && JOINABLE.test(chars[i - 1] ?? '') && JOINABLE.test(chars[i + 1] ?? '') ? undefined : 'zero-width';
  }
  if (isVariationSelector(code)) {
    // One selector after a visible character picks its presentation (text or emoji ❤️); a run of them carries data.
    const previous = chars[i - 1];
    const single = previous !== undefined && !isVariationSelector(previous.codePointAt(0)!) && !isVariationSelector(chars[i + 1]?.codePointAt(0) ?? 0);
    return single && code <= 0xfe0f ? undefined : 'variation-selector';
  }
  if (!isInvisible(char)) return undefined;
  return /\p{Cc}/u.test(char) ? 'control' : 'format';
}

/** The ASCII text that runs of tag characters spell. */
export function decodeTagRuns(text: string): string[] {
  return Array.from(withoutFlags(text).matchAll(/[\u{E0000}-\u{E007F}]+/gu), (match) => decodeUnicodeTags(match[0])).filter((decoded) => decoded.trim() !== '');
}

/** Finds invisible characters in any text a server advertises; tag characters are decoded into the text they hide. */
export function hiddenUnicodeFindings(texts: readonly ItemText[]): McpFinding[] {
  const findings: McpFinding[] = [];
  for (const { item, field, text: advertised } of texts) {
    const text = withoutFlags(advertised);
    const chars = Array.from(text);
    const counts = new Map<HiddenKind, number>();
    let firstOffset = -1;
    let offset = 0;
    chars.forEach((char, i) => {
      const kind = hiddenKind(chars, i);
      if (kind !== undefined) {
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        if (firstOffset < 0) firstOffset = offset;
      }
      offset += char.length;
    });
    if (counts.size === 0) continue;
    const kinds = [...counts.keys()].sort((a, b) => mcpSeverityRank(SEVERITY[b]) - mcpSeverityRank(SEVERITY[a]));
    const hidden = decodeTagRuns(text);
    findings.push(mcpFinding({
      rule: 'hidden-unicode',
      severity: SEVERITY[kinds[0]!],
      item,
      field,
      evidence: hidden.length > 0 ? clipEvidence(`hidden text: "${escapeHidden(hidden.join(' … '))}"`) : quoteAround(text, firstOffset),
      message: kinds.map((kind) => `${counts.get(kind)} ${LABEL[kind][counts.get(kind) === 1 ? 0 : 1]}`).join(', '),
    }));
  }
  return findings;
}
