import { createRegistry, type Registry } from '../core/registry.js';
import type { TechniqueDescriptor } from '../core/technique.js';
import { directRequest } from './direct-request.js';
import { instructionOverride } from './instruction-override.js';
import { rolePlay } from './role-play.js';
import { jailbreakTechniques } from './jailbreak/index.js';
import { jailbreakTemplate } from './jailbreak-template.js';
import { lowResourceLanguage } from './low-resource-language.js';
import { contextBuilding, crescendo, pair, redTeamConversation, scriptedConversation, tap } from './multi-turn/index.js';
import { securityTechniques } from './security/index.js';

const all = [
  directRequest, instructionOverride, rolePlay, ...jailbreakTechniques, jailbreakTemplate, lowResourceLanguage,
  scriptedConversation, redTeamConversation, crescendo, pair, tap, contextBuilding, ...securityTechniques,
] as const;

/** A technique id known to the registry. */
export type TechniqueId = (typeof all)[number]['id'];

/** Every technique Redline ships; the only place the id list is written. */
export const techniqueRegistry: Registry<TechniqueDescriptor<TechniqueId>> = createRegistry('technique', all);
