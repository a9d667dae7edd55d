import type { ContentPart } from './message.js';

/** Which side of the target a classifier reads: what goes in (prompts, documents) or what comes out (replies). */
export type ClassifierDirection = 'input' | 'output';

/** What a classifier found. */
export type Detection = {
  /** The classifier's reading, e.g. 'refusal', 'compliance', 'leaked', 'exfil-url', 'injected-instruction', 'base64'. */
  readonly label: string;
  /** True when it found what it looks for (a refusal, a secret, an exfiltration URL, an injected instruction…). */
  readonly flagged: boolean;
  /** Strength in [0, 1], when the classifier has one. */
  readonly score?: number;
  /** What it matched, quoted from the input, so a person can check the finding. */
  readonly evidence: readonly string[];
};

/**
 * A goal-free detector over text or content parts: shared by scorers (which add the goal), guard layers and the
 * demo target. Pure detectors answer synchronously; a model-backed one may return a promise and honours the signal.
 */
export type Classifier = {
  /** Registry id. */
  readonly id: string;
  /** What it reads. */
  readonly direction: ClassifierDirection;
  /** Reads text or parts (only text and document parts carry text a classifier reads). */
  classify(input: string | readonly ContentPart[], signal?: AbortSignal): Detection | Promise<Detection>;
};

/** The text a classifier reads from its input: a string as is, or the text and document parts joined by blank lines. */
export function classifierText(input: string | readonly ContentPart[]): string {
  if (typeof input === 'string') return input;
  const texts: string[] = [];
  for (const part of input) {
    if (part.type === 'text' || part.type === 'document' || part.type === 'tool-result') texts.push(part.text);
    else texts.push(part.arguments);
  }
  return texts.join('\n\n');
}
