// Source: indirect prompt injection, Greshake et al. (2023), arXiv:2302.12173; BIPIA, Yi et al. (2023), arXiv:2312.14197.
import type { TechniqueDescriptor } from '../../core/technique.js';
import { securityTechnique } from './security-technique.js';
import { carrierDocument, xpiaCarriers, type XpiaCarrier } from './xpia-carriers.js';

/** Builds `xpia-<carrier>`: the goal's text is planted in a document; the user turn is the ordinary task. */
export function xpiaTechnique<const C extends XpiaCarrier>(carrier: C): TechniqueDescriptor<`xpia-${C['name']}`> {
  return securityTechnique({
    id: `xpia-${carrier.name}`,
    summary: carrier.summary,
    source: 'Indirect prompt injection, Greshake et al. (2023), arXiv:2302.12173; BIPIA, Yi et al. (2023), arXiv:2312.14197',
    taxonomy: { atlas: ['AML.T0051.001'], owasp: ['LLM01:2025'] },
    build: (goal) => ({
      messages: [{ role: 'user', content: carrier.userTask }],
      documents: [carrierDocument(carrier, goal.text, goal.metadata?.context)],
    }),
  });
}

/** The indirect-injection battery: email, web page, tool result and retrieved document. */
export const xpiaTechniques = xpiaCarriers.map(xpiaTechnique);
