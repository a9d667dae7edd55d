import type { z } from 'zod';
import type { Classifier, ClassifierDirection, Detection } from '../core/classifier.js';
import type { ContentPart } from '../core/message.js';
import type { Descriptor } from '../core/registry.js';

/** What a classifier may draw on from its surroundings when it is built. */
export type ClassifierServices = {
  /** Secrets the target is known to hold (e.g. the demo's canary): the secret classifier's default. */
  readonly knownSecrets?: readonly string[];
};

/**
 * A classifier that answers synchronously with a Detection of its own shape (a Detection plus typed details, such as
 * the URLs found or the decoded text). It fits wherever a `Classifier` is expected.
 */
export type PureClassifier<D extends Detection = Detection> = {
  /** Registry id. */
  readonly id: string;
  /** What it reads. */
  readonly direction: ClassifierDirection;
  /** Reads text or parts; the signal is accepted for the contract's sake (a pure reading does not wait). */
  classify(input: string | readonly ContentPart[], signal?: AbortSignal): D;
};

/** A classifier's descriptor: the shared descriptor shape, its concrete options schema, and the side it reads. */
export type ClassifierDescriptor<Id extends string = string, Schema extends z.ZodType = z.ZodType, Built extends Classifier = Classifier> = Descriptor<
  Id,
  z.output<Schema>,
  Built,
  ClassifierServices
> & {
  /** The options schema (a zod strict object with an `id` literal, defaults filled in). */
  readonly options: Schema;
  /** What its classifiers read: prompts and documents (`input`) or replies (`output`). */
  readonly direction: ClassifierDirection;
};

/** Declares a classifier descriptor with its types checked, keeping its id, schema and built type concrete. */
export function defineClassifier<const Id extends string, Schema extends z.ZodType, Built extends Classifier>(
  descriptor: ClassifierDescriptor<Id, Schema, Built>,
): ClassifierDescriptor<Id, Schema, Built> {
  return descriptor;
}
