import type { Components } from '../config/components.js';
import type { Target } from '../core/target.js';
import type { TargetContext } from '../targets/context.js';
import type { TargetOptions } from '../targets/registry.js';
import { assertNoLiteralSecrets } from './literal-secrets.js';

/**
 * Builds a target, or a model role configured like one (`models.judge`…), by its type's descriptor, a plugin's
 * included. Options holding a literal credential are refused first: they are stored with the run.
 */
export function buildTarget(options: TargetOptions, input: { components: Components; context: TargetContext }): Target {
  assertNoLiteralSecrets(options as Record<string, unknown>, input.context.configFile);
  return input.components.targets.get(options.type).create(options, input.context);
}
