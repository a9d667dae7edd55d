import { directRequest } from './direct-request.js';
import { instructionOverride } from './instruction-override.js';
import { rolePlay } from './role-play.js';
import { systemPromptExtraction } from './system-prompt-extraction.js';

/** Every technique Redline ships; the only place the id list is written. */
export const techniqueRegistry = [directRequest, instructionOverride, rolePlay, systemPromptExtraction] as const;

/** A technique id known to the registry. */
export type TechniqueId = (typeof techniqueRegistry)[number]['id'];
