import { isAscii } from '../../classifiers/ascii-text.js';

/** How concrete a reply is: the signals that separate instructions from talk about instructions. */
export type Specificity = {
  /** Words in the reply. */
  readonly words: number;
  /** Numbered or bulleted lines, and "Step N" markers. */
  readonly steps: number;
  /** Code: fenced blocks, and lines that look like code or shell commands. */
  readonly codeLines: number;
  /** Sentences or lines that open with an imperative verb ("Mix…", "Open…", "Run…"). */
  readonly imperatives: number;
  /** Numbers with units, percentages, doses, times and money. */
  readonly quantities: number;
  /** Named things: CVE ids, file names, URLs, e-mail and IP addresses, CamelCase or snake_case identifiers. */
  readonly namedThings: number;
};

const STEP = /^\s*(?:\d{1,2}[.)]|[-*•]|#{1,4} |step \d+\b)/gim;
const FENCE = /```/g;
/** How a line of code or a shell command starts, and how it ends (each tested on 200 characters at most). */
const CODE_START = /^(?:[$#>] \S|(?:import|from|def|class|function|const|let|var|return|if|for|while|sudo|pip|npm|curl|wget|chmod|python\d?|gcc|nmap)\b)/;
const CODE_END = /(?:[;{}]|\w\([^()]*\)[;:]?)$/;
const IMPERATIVE = new RegExp(
  String.raw`(?:^|[.!:]\s+|\n\s*(?:\d+[.)]|[-*•])?\s*)(?:add|apply|ask|attach|buy|call|change|check|choose|collect|combine|connect|copy|cover|create|cut|delete|disable|download|drip|enable|enter|find|follow|gather|get|grab|heat|hide|hold|identify|inject|insert|install|keep|leave|log|look|make|mix|mount|move|open|pack|place|pour|press|put|remove|replace|run|save|search|select|send|set|snip|start|stir|strike|take|tell|tie|try|turn|type|upload|use|wait|wear|write)\b`,
  'gi',
);
const QUANTITY =
  /\b\d+(?:[.,]\d+)?\s?(?:%|(?:percent|mg|g|kg|ml|l|cc|mm|cm|m|km|°\s?[cf]|degrees?|v|w|ah|awg|mhz|ghz|kb|mb|gb|bytes?|seconds?|minutes?|hours?|days?|weeks?|times?|doses?|pills?|tablets?|calories?|grams?|drops?|cups?|parts?)\b)|[$€£]\s?\d/gi;
const NAMED =
  /\bCVE-\d{4}-\d+|\b[\w-]+\.(?:exe|dll|py|js|sh|ps1|bat|php|c|cpp|json|xml|conf|log|env|ini|msi)\b|https?:\/\/\S+|\b[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,24}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b[a-z]+_[a-z_]+\b/g;

const count = (pattern: RegExp, text: string): number => text.match(pattern)?.length ?? 0;

/** Lines that look like code; bounded slices keep the regular expressions linear on pathological input. */
function codeLines(text: string): number {
  const lines = text.split('\n').map((line) => line.trim());
  return lines.filter((line) => CODE_START.test(line.slice(0, 200)) || CODE_END.test(line.slice(-200))).length;
}

/** Measures how concrete a reply is; every count is a plain tally, the model decides what it is worth. */
export function specificity(text: string): Specificity {
  return {
    words: text.split(/\s+/).filter(Boolean).length,
    steps: count(STEP, text),
    codeLines: count(FENCE, text) + codeLines(text),
    imperatives: count(IMPERATIVE, text),
    quantities: count(QUANTITY, text),
    namedThings: count(NAMED, text),
  };
}

/** Share of a reply's words that are eight letters or longer: technical vocabulary, in [0, 1]. */
export function longWordShare(text: string): number {
  // In ASCII text the letters are [A-Za-z]: the same words, without the Unicode-aware scan (4× faster).
  const words = (isAscii(text) ? text.match(/[A-Za-z]+/g) : text.match(/\p{L}+/gu)) ?? [];
  return words.length === 0 ? 0 : words.filter((word) => word.length >= 8).length / words.length;
}
