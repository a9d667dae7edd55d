import { z } from 'zod';
import { closest } from './closest.js';
import type { ComponentKind } from './component-ref.js';
import { ConfigError } from './errors.js';

/**
 * A descriptor's options schema: a zod schema, whose parse validates configuration and fills defaults, whose issues
 * become the configuration's messages and whose JSON Schema editors read. Registries keep each descriptor's concrete
 * schema type, so the configuration's union and the typed id unions derive from them.
 */
export type OptionsSchema<Options> = z.ZodType<Options>;

/** What every registrable thing's descriptor has: one shape for targets, techniques, converters, scorers, classifiers… */
export type Descriptor<Id extends string = string, Options = never, Built = unknown, Services = void> = {
  /** Registry id, e.g. 'role-play', 'base64', 'refusal', 'openai'. */
  readonly id: Id;
  /** One line for `redline list`. */
  readonly summary: string;
  /** Bump when the behaviour for the same input and options changes. */
  readonly version: number;
  /** The typed options schema (zod), which validates configuration and fills defaults. */
  readonly options: OptionsSchema<Options>;
  /** Builds the component from parsed options and what it may draw on from its surroundings (omitted when void). */
  readonly create: (options: Options, services: Services) => Built;
};

/**
 * Every descriptor of one kind: the list itself, in listing order (so array methods work on it), plus lookups by id.
 * `find` also takes an id; `get` turns an unknown id into a ConfigError naming the closest known one.
 */
export type Registry<D extends { readonly id: string }> = readonly D[] & {
  /** The kind of component listed. */
  readonly kind: ComponentKind;
  /** The descriptors, in listing order; the only place each kind's id list is written. */
  readonly all: readonly D[];
  /** The ids, in listing order. */
  readonly ids: readonly D['id'][];
  /** The descriptor with this id, if any. */
  find(id: string): D | undefined;
  /** The descriptor with this id; an unknown id is a ConfigError naming the closest known id. */
  get(id: string, where?: { readonly file: string; readonly path: string }): D;
};

/** Builds a registry over a list of descriptors; two descriptors with one id are a programming error. */
export function createRegistry<const D extends { readonly id: string }>(kind: ComponentKind, all: readonly D[]): Registry<D> {
  const byId = new Map<string, D>();
  for (const descriptor of all) {
    if (byId.has(descriptor.id)) throw new Error(`two ${kind} descriptors have the id '${descriptor.id}'`);
    byId.set(descriptor.id, descriptor);
  }
  const listed = Object.freeze([...all]);
  const ids = Object.freeze(listed.map((d) => d.id as D['id']));
  const lookups = {
    kind,
    all: listed,
    ids,
    find: (query: string | ((d: D, index: number, list: readonly D[]) => unknown)) =>
      typeof query === 'string' ? byId.get(query) : listed.find(query),
    get: (id: string, where?: { readonly file: string; readonly path: string }): D => {
      const found = byId.get(id);
      if (found !== undefined) return found;
      const guess = closest(id, ids);
      const problem = `unknown ${kind} '${id}'${guess === undefined ? '' : `; did you mean '${guess}'?`}`;
      throw new ConfigError(where === undefined ? problem : `${where.file}: ${where.path}: ${problem}`, {
        file: where?.file ?? '<options>',
        path: where?.path ?? kind,
        hint: `known ${kind}s: ${ids.join(', ')}`,
      });
    },
  };
  return Object.freeze(Object.assign([...listed], lookups)) as unknown as Registry<D>;
}

/**
 * The configuration union of a registry whose option schemas each carry the descriptor's id under `key` (a target's
 * `type`, a scorer's `id`); `schemaOf` gives a descriptor's schema (its `options`, unless they are built lazily).
 */
export function optionsUnion<const Key extends string, D extends { readonly id: string }, S extends z.ZodType = D extends { readonly options: infer O extends z.ZodType } ? O : never>(
  registry: Registry<D>,
  key: Key,
  schemaOf: (descriptor: D) => S = (descriptor) => (descriptor as unknown as { options: S }).options,
): z.ZodDiscriminatedUnion<readonly S[], Key> {
  const schemas = registry.all.map((descriptor) => {
    const schema = schemaOf(descriptor) as unknown as z.core.$ZodTypeDiscriminable;
    // The union finds a descriptor's schema by this value, and the configuration's entry by the descriptor's id.
    if (schema._zod.propValues?.[key]?.has(descriptor.id) !== true) {
      throw new Error(`the options of ${registry.kind} '${descriptor.id}' must have ${key}: '${descriptor.id}'`);
    }
    return schema;
  });
  const [first, ...rest] = schemas;
  if (first === undefined) throw new Error(`the ${registry.kind} registry is empty`);
  return z.discriminatedUnion(key, [first, ...rest]) as unknown as z.ZodDiscriminatedUnion<readonly S[], Key>;
}
