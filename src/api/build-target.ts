import type { Components } from '../config/components.js';
import type { Target } from '../core/target.js';
import type { TargetContext } from '../targets/context.js';
import type { TargetOptions } from '../targets/registry.js';
import { assertNoLiteralSecrets } from './literal-secrets.js';
import type { RedlineConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import type { KnownSecrets } from '../core/known-secrets.js';
import type { Layer } from '../core/layer.js';
import { guardedTarget } from '../layers/guarded-target.js';
import { layerRegistry } from '../layers/registry.js';

/** The configuration's `target`: any target type, or `guarded` (one behind defense layers). */
export type ConfiguredTarget = RedlineConfig['target'];

/** The options of the target a configuration's `target` ends at: itself, or a guarded target's inner one. */
export function innerTargetOptions(options: ConfiguredTarget): TargetOptions {
  return options.type === 'guarded' ? options.inner : options;
}

/** What the configured target is known to hold (canaries, system prompt): its inner target's. */
export function knownSecretsOf(options: ConfiguredTarget, components: Components): KnownSecrets {
  const inner = innerTargetOptions(options);
  return components.targets.get(inner.type).knownSecrets?.(inner) ?? { canaries: [] };
}

/**
 * Builds the configuration's target: its type's target, or — for `type: guarded` — the inner target behind its
 * layers, each layer built from its options (an error names `target.layers[i]`).
 */
export function buildConfiguredTarget(options: ConfiguredTarget, input: { components: Components; context: TargetContext }): Target {
  if (options.type !== 'guarded') return buildTarget(options, input);
  const inner = buildTarget(options.inner, input);
  return guardedTarget({ inner, layers: buildLayers(options, input), refusal: options.refusal, mode: options.mode });
}

/** A guarded target's layers, each built from its options (an error names `target.layers[i]`). */
export function buildLayers(options: Extract<ConfiguredTarget, { type: 'guarded' }>, input: { components: Components; context: TargetContext }): Layer[] {
  const known = knownSecretsOf(options, input.components);
  return options.layers.map((entry, index): Layer => {
    try {
      const descriptor = layerRegistry.get(entry.id);
      return (descriptor.create as (o: unknown, s: unknown) => Layer)(entry, { knownSecrets: known.canaries, env: input.context.env, configFile: input.context.configFile });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const file = input.context.configFile;
      throw new ConfigError(`${file}: target.layers[${index}]: ${error.message.replace(/^[^:]*: /, '')}`, { file, path: `target.layers[${index}]`, hint: error.hint, cause: error });
    }
  });
}

/**
 * Builds a target, or a model role configured like one (`models.judge`…), by its type's descriptor, a plugin's
 * included. Options holding a literal credential are refused first: they are stored with the run.
 */
export function buildTarget(options: TargetOptions, input: { components: Components; context: TargetContext }): Target {
  assertNoLiteralSecrets(options as Record<string, unknown>, input.context.configFile);
  return input.components.targets.get(options.type).create(options, input.context);
}
