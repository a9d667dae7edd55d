import type { z } from 'zod';
import type { Layer, LayerEffect, LayerStage } from '../core/layer.js';
import type { Descriptor } from '../core/registry.js';

/** What a layer may draw on from its surroundings when it is built. */
export type LayerServices = {
  /** Secrets the target is known to hold (the demo's canary, a configured one): what output filters redact by default. */
  readonly knownSecrets?: readonly string[];
  /** Environment variables, for a guard's credentials referenced by name (only the CLI reads process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The config file the options came from, for error messages. */
  readonly configFile?: string;
};

/** A layer's descriptor: the shared descriptor shape, its options schema (a strict object with an `id` literal), its stage. */
export type LayerDescriptor<Id extends string = string, Schema extends z.ZodType = z.ZodType> = Descriptor<Id, z.output<Schema>, Layer, LayerServices> & {
  /** The options schema. */
  readonly options: Schema;
  /** Where its layers act. */
  readonly stage: LayerStage;
  /** Whether its layers only block (filters) or rewrite traffic. */
  readonly effect: LayerEffect;
};

/** Declares a layer descriptor with its types checked, keeping its id and schema concrete. */
export function defineLayer<const Id extends string, Schema extends z.ZodType>(descriptor: LayerDescriptor<Id, Schema>): LayerDescriptor<Id, Schema> {
  return descriptor;
}

/** An instance id: the layer's id and its options other than the id, e.g. `output-filter(stripImages=true)`. */
export function layerInstanceId(id: string, options: Readonly<Record<string, unknown>>): string {
  const shown = Object.entries(options).filter(([key, value]) => key !== 'id' && value !== undefined).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : String(value)}`);
  return shown.length === 0 ? id : `${id}(${shown.join(',')})`;
}
