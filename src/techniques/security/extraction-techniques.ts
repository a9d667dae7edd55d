// Source: prompt leaking, Perez & Ribeiro (2022), arXiv:2211.09527; MITRE ATLAS AML.T0056.
import type { TechniqueDescriptor } from '../../core/technique.js';
import { userTurn } from '../user-turn.js';
import { extractionVariants, type ExtractionVariant } from './extraction-variants.js';
import { securityTechnique } from './security-technique.js';

/** Builds the technique `extract-<name>` that sends one extraction framing as the user turn. */
export function extractionTechnique<const V extends ExtractionVariant>(variant: V): TechniqueDescriptor<`extract-${V['name']}`> {
  const prompt = userTurn(variant.prompt);
  return securityTechnique({
    id: `extract-${variant.name}`,
    summary: variant.summary,
    source: 'Prompt leaking, Perez & Ribeiro (2022), arXiv:2211.09527',
    taxonomy: { atlas: ['AML.T0056'], owasp: ['LLM07:2025', 'LLM01:2025'] },
    categories: ['system-prompt-leakage'],
    build: () => prompt,
  });
}

/** The system-prompt extraction battery, one technique per variant. */
export const extractionTechniques = extractionVariants.map(extractionTechnique);
