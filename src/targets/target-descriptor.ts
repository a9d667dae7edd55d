import type { z } from 'zod';
import type { KnownSecrets } from '../core/known-secrets.js';
import type { Descriptor } from '../core/registry.js';
import type { Target } from '../core/target.js';
import type { TargetContext } from './context.js';

/** The registrable description of a target type (STYLE.md §4): the common descriptor, plus what its options reveal. */
export type TargetDescriptor<Id extends string = string, Options = never> = Descriptor<Id, Options, Target, TargetContext> & {
  /** What the options reveal about the target's secrets (the demo's canary, an endpoint's system prompt); none when absent. */
  readonly knownSecrets?: (options: Options) => KnownSecrets;
};

/** Declares a target type; its options schema carries `type: <id>`, which tells the configuration's union apart. */
export function defineTarget<const Id extends string, Schema extends z.ZodType>(
  descriptor: Omit<TargetDescriptor<Id, z.output<Schema>>, 'options'> & { readonly options: Schema },
): Omit<TargetDescriptor<Id, z.output<Schema>>, 'options'> & { readonly options: Schema } {
  return descriptor;
}
