import { agentInjectionTechniques } from './agent-injection-techniques.js';
import { exfiltrationTechniques } from './exfiltration-techniques.js';
import { extractionTechniques } from './extraction-techniques.js';
import { insecureOutputTechniques } from './insecure-output-techniques.js';
import { xpiaTechniques } from './xpia-techniques.js';

export * from './agent-injection-techniques.js';
export * from './exfiltration-techniques.js';
export * from './extraction-techniques.js';
export * from './extraction-variants.js';
export * from './insecure-output-techniques.js';
export * from './plant-instruction.js';
export * from './security-technique.js';
export * from './xpia-carriers.js';
export * from './xpia-techniques.js';

/** Every security technique: extraction, exfiltration, insecure-output, indirect-injection and agent-hijacking batteries. */
export const securityTechniques = [
  ...extractionTechniques,
  ...exfiltrationTechniques,
  ...insecureOutputTechniques,
  ...xpiaTechniques,
  ...agentInjectionTechniques,
] as const;
