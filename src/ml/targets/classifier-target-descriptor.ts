import type { z } from 'zod';
import type { ClassifierTarget } from '../../core/ml.js';
import type { Descriptor } from '../../core/registry.js';
import type { TargetContext } from '../../targets/context.js';

/**
 * The registrable description of a classifier target type: built from parsed options and the surroundings a
 * target draws on (the folder relative paths start from, the environment for `${NAME}` references, the config file).
 */
export type ClassifierTargetDescriptor<Id extends string = string, Options = never> = Descriptor<Id, Options, ClassifierTarget, TargetContext>;

/** Declares a classifier target type; its options schema carries `type: <id>`, which tells the configuration's union apart. */
export function defineClassifierTarget<const Id extends string, Schema extends z.ZodType>(
  descriptor: Omit<ClassifierTargetDescriptor<Id, z.output<Schema>>, 'options'> & { readonly options: Schema },
): Omit<ClassifierTargetDescriptor<Id, z.output<Schema>>, 'options'> & { readonly options: Schema } {
  return descriptor;
}
