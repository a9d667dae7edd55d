import { z } from 'zod';

/** Options of the false-premise scorer. */
export const falsePremiseScorerOptions = z.strictObject({ id: z.literal('false-premise') });

/** Options of the fabricated-citation scorer. */
export const fabricatedCitationScorerOptions = z.strictObject({ id: z.literal('fabricated-citation') });

/** Options of the package-hallucination scorer: the names that exist, inline or one per line in a file. */
export const packageHallucinationScorerOptions = z.strictObject({
  id: z.literal('package-hallucination'),
  ecosystem: z.enum(['npm', 'pypi']).default('npm').describe('Import syntax to read when the goal does not name one'),
  known: z.array(z.string()).default([]).describe('Package names that exist'),
  knownFile: z.string().optional().describe('File with one existing package name per line (e.g. a registry snapshot)'),
});
