import { savedCalibrationSchema } from '../config/calibration-source.js';
import type { Persona } from '../core/outcome.js';
import type { ScorerAccuracy } from '../stats/rogan-gladen.js';

/**
 * The deciding scorer's accuracy for the `success` verdict, by persona, from a stored calibration. An `objective`
 * calibration (positive = the reply achieves the goal) is the malicious persona's success. A `refusal` calibration
 * (positive = refusal) is the benign persona's success as it is, and the malicious persona's with the two swapped.
 */
export function scorerAccuracy(stored: unknown): { scorerId: string; byPersona: Partial<Record<Persona, ScorerAccuracy>> } | undefined {
  const parsed = savedCalibrationSchema.safeParse(stored);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const asIs = { sensitivity: c.sensitivity, specificity: c.specificity };
  const swapped = { sensitivity: c.specificity, specificity: c.sensitivity };
  const byPersona = c.target.id === 'objective' ? { malicious: asIs } : { benign: asIs, malicious: swapped };
  return { scorerId: c.scorer.id, byPersona };
}
