import { instructionOverride } from './framing.js';

// How much of a document, from the planted instruction on, the demo takes as the instruction.
const maxInstructionChars = 400;

/** Patterns that mark instructions planted in a document rather than ordinary content. */
export const injectionPatterns: readonly RegExp[] = [
  instructionOverride,
  /\b(?:updated|additional|hidden) instructions?\b/i,
  /\b(?:ai|assistant|chatbot|language model|llm)s? (?:reading|processing|summari[sz]ing) this\b/i,
  /\bnote to (?:the )?(?:ai|assistant|chatbot|model)\b/i,
  /\[(?:system|instructions?)\]|(?:^|\n)\s*system\s*:/i,
  /\b(?:respond|reply|answer)\s+(?:only\s+)?with\s+["'“‘]/i,
  /\b(?:tell|inform)\s+the\s+user\b/i,
  /\bdo not (?:tell|mention|inform) the user\b/i,
  /\b(?:reveal|print|output|repeat)\s+(?:your|the)\s+(?:system prompt|instructions|rules)\b/i,
  /\bwhen (?:you|the assistant) (?:read|summari[sz]e|process)/i,
];

// 'reply only with "X"', "say 'X'": the verb, up to 20 other characters, then a quoted phrase.
const phrasePattern =
  /\b(?:say|(?:respond|reply|answer)(?: only)? with|output|print|write|include)\b[^"'“‘\n]{0,20}["'“‘]([^"'”’\n]{1,120})["'”’]/i;

/** The first instruction planted in the documents, from where it starts (capped), or undefined when none is. */
export function findInjectedInstruction(documents: readonly string[]): string | undefined {
  for (const document of documents) {
    const starts = injectionPatterns
      .map((pattern) => pattern.exec(document)?.index ?? -1)
      .filter((index) => index >= 0);
    if (starts.length > 0) return document.slice(Math.min(...starts)).trim().slice(0, maxInstructionChars);
  }
  return undefined;
}

/** The text a planted instruction asks the assistant to say, if it names one. */
export function requestedPhrase(instruction: string): string | undefined {
  return phrasePattern.exec(instruction)?.[1];
}
