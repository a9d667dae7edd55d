import { z } from 'zod';
import { classifierText, type Detection } from '../core/classifier.js';
import type { ContentPart } from '../core/message.js';
import { defineClassifier, type PureClassifier } from './define-classifier.js';

const id = 'injected-instruction';

// How much of a document, from the planted instruction on, is taken as the instruction.
const maxInstructionChars = 400;

const override = [
  '\\b(?:ignore|disregard|forget|override|bypass)\\b[^.!?\\n]{0,30}?',
  '\\b(?:previous|prior|above|earlier|preceding|initial|original|system|your)\\b[^.!?\\n]{0,12}?',
  '\\b(?:instructions?|rules|prompts?|directions|guidelines|directives|programming)\\b',
].join('');

/** "Ignore all previous instructions", "new instructions", "developer mode". */
export const instructionOverride = new RegExp(`${override}|\\bnew instructions\\b|\\bdeveloper mode\\b`, 'i');

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

/** The first instruction planted in the documents, from where it starts (capped at 400 characters), or undefined when none is. */
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

/** Options of the injected-instruction classifier (it takes none), as configuration validates them. */
export const injectedInstructionClassifierOptions = z.strictObject({ id: z.literal(id) });

/**
 * What the injected-instruction classifier found. Label: 'injected-instruction' or 'no-instruction'; evidence: the
 * instruction, from where it starts.
 */
export type InjectedInstructionDetection = Detection & {
  /** The planted instruction (capped), when one was found. */
  readonly instruction?: string;
  /** The text it asks the assistant to say, when it names one. */
  readonly phrase?: string;
};

/** The texts to search, one per text-bearing part (a planted document is read on its own). */
function texts(input: string | readonly ContentPart[]): readonly string[] {
  return typeof input === 'string' ? [input] : input.map((part) => classifierText([part]));
}

/** Finds instructions planted in documents or prompts: "ignore previous instructions", "note to the AI", "reply only with…". */
export const injectedInstructionClassifier = defineClassifier({
  id,
  summary: 'Flags instructions planted in a document or prompt ("ignore previous instructions", "note to the AI", "reply with…").',
  version: 1,
  direction: 'input',
  options: injectedInstructionClassifierOptions,
  create: (): PureClassifier<InjectedInstructionDetection> => ({
    id,
    direction: 'input',
    classify: (input) => {
      const instruction = findInjectedInstruction(texts(input));
      if (instruction === undefined) return { label: 'no-instruction', flagged: false, evidence: [] };
      const phrase = requestedPhrase(instruction);
      const found = { label: 'injected-instruction', flagged: true, evidence: [instruction], instruction };
      return phrase === undefined ? found : { ...found, phrase };
    },
  }),
});
