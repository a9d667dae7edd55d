import { z } from 'zod';
import { classifierText, type Detection } from '../../core/classifier.js';
import type { ContentPart } from '../../core/message.js';
import { clip } from '../clip.js';
import { defineClassifier, type PureClassifier } from '../define-classifier.js';
import { scoreInjection, unpackInjectionModel, type InjectionScore } from './injection-model.js';
import { INJECTION_MODEL } from './injection-weights.js';

const id = 'injection-detector';

// How much of the highest-scoring window is quoted as evidence.
const maxEvidenceChars = 300;

/** Options of the injection detector, as configuration validates them. */
export const injectionDetectorOptions = z.strictObject({
  id: z.literal(id),
  threshold: z.number().min(0).max(1).optional().describe('Probability at or above which an input is flagged (default: the trained one, 0.5); raise it for fewer false alarms'),
});

/** What the injection detector found. Label: 'injection' or 'no-injection'; score: the probability; evidence: the window that scored highest, when flagged. */
export type InjectionDetection = Detection & {
  /** The model's probability for the highest-scoring window of the highest-scoring text. */
  readonly score: number;
};

/** The texts to score, one per text-bearing part (a planted document is read on its own). */
function texts(input: string | readonly ContentPart[]): readonly string[] {
  return typeof input === 'string' ? [input] : input.map((part) => classifierText([part]));
}

/**
 * A trained prompt-injection detector that runs offline in well under 2 ms: logistic regression over hashed token
 * uni- and bigrams and the rule-based injection patterns, read in 48-token windows (the highest one counts), trained
 * by scripts/train-injection-detector.ts on public injection, jailbreak and benign sets (docs/defense.md).
 */
export const injectionDetector = defineClassifier({
  id,
  summary: 'Trained offline detector of prompt injections and jailbreak framing in prompts and documents (probability + threshold).',
  version: 1,
  direction: 'input',
  options: injectionDetectorOptions,
  create: (options): PureClassifier<InjectionDetection> => {
    const model = unpackInjectionModel(INJECTION_MODEL);
    const threshold = options.threshold ?? INJECTION_MODEL.threshold;
    return {
      id,
      direction: 'input',
      classify: (input) => {
        let best: InjectionScore & { text: string } = { probability: 0, text: '' };
        for (const text of texts(input)) {
          const score = scoreInjection(model, text);
          if (score.probability > best.probability) best = { ...score, text };
        }
        const flagged = best.probability >= threshold;
        const window = best.span === undefined ? '' : best.text.slice(best.span.start, best.span.end);
        return { label: flagged ? 'injection' : 'no-injection', flagged, score: best.probability, evidence: flagged ? [clip(window, maxEvidenceChars)] : [] };
      },
    };
  },
});
