import type { Persona } from '../core/index.js';

const TITLES: Readonly<Record<Persona, string>> = { malicious: 'Malicious persona', benign: 'Benign persona' };

/** A persona's heading in reports, e.g. 'Malicious persona'. */
export function personaTitle(persona: Persona): string {
  return TITLES[persona];
}
