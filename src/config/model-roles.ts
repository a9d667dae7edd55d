import { ConfigError } from '../core/errors.js';
import type { ModelRole } from '../core/event.js';

/** The models Redline itself uses, configured under `models:` (STYLE.md §1: a model role is never called a target). */
export const MODEL_ROLES: readonly ModelRole[] = ['attacker', 'judge', 'translator'];

/** A configuration value with the model roles under `models:`, and one deprecation line per role moved there. */
export type LiftedModelRoles = { readonly value: unknown; readonly warnings: readonly string[] };

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Moves the top-level `attacker:`, `judge:` and `translator:` of older configurations (and runs stored by older versions)
 * under `models:`, with a deprecation line for each; a role given both ways is a ConfigError. Other values pass unchanged.
 */
export function liftModelRoles(value: unknown, file: string): LiftedModelRoles {
  if (!isMapping(value) || !MODEL_ROLES.some((role) => role in value)) return { value, warnings: [] };
  const { attacker, judge, translator, ...rest } = value;
  const given = { attacker, judge, translator };
  const models = rest['models'] ?? {};
  // A `models:` that is not a mapping is left for the schema to report; the old keys then stay where they are.
  if (!isMapping(models)) return { value, warnings: [] };
  const warnings: string[] = [];
  const lifted: Record<string, unknown> = { ...models };
  for (const role of MODEL_ROLES) {
    if (given[role] === undefined) continue;
    if (models[role] !== undefined) {
      throw new ConfigError(`${file}: ${role}: the ${role} model is given twice, as '${role}' and as models.${role}`, {
        file,
        path: role,
        hint: `keep models.${role} and delete the top-level '${role}'`,
      });
    }
    lifted[role] = given[role];
    warnings.push(`${file}: '${role}' is deprecated; write it as models.${role}`);
  }
  return { value: { ...rest, models: lifted }, warnings };
}
