import type { RedlineConfig } from '../config/schema.js';
import { costOf, type Price, type RunPrices } from '../core/cost.js';

export type { Price };
import type { PriceOf, SpendingRole } from '../engine/budget.js';

/** The model name a role's configuration names, if any (`model` of an openai-like target). */
function modelOf(config: RedlineConfig, role: SpendingRole): string | undefined {
  // A guarded target's model is its inner target's.
  const target = config.target.type === 'guarded' ? config.target.inner : config.target;
  const options = (role === 'target' ? target : config.models[role]) as { model?: unknown } | undefined;
  return typeof options?.model === 'string' ? options.model : undefined;
}

/** The price of a role: `pricing.<role>`, else `pricing.<its model name>`; undefined when neither is set. */
export function priceFor(config: RedlineConfig, role: SpendingRole): Price | undefined {
  const model = modelOf(config, role);
  return config.pricing[role] ?? (model === undefined ? undefined : config.pricing[model]);
}

/** The prices a summary figures cost with, from a run's stored configuration (older runs have no `pricing`). */
export function runPrices(stored: unknown): RunPrices {
  const config = stored as Partial<RedlineConfig> | undefined;
  if (config?.pricing === undefined) return {};
  const complete = { ...config, models: config.models ?? {}, pricing: config.pricing } as RedlineConfig;
  const target = priceFor(complete, 'target');
  const attacker = priceFor(complete, 'attacker');
  return { ...(target === undefined ? {} : { target }), ...(attacker === undefined ? {} : { attacker }) };
}

/** The run budget's pricing: each role's usage at its configured price. */
export function pricing(config: RedlineConfig): PriceOf {
  return (role, usage) => {
    const price = priceFor(config, role);
    return price === undefined ? undefined : costOf(price, usage);
  };
}
