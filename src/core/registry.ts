import { closest } from './closest.js';
import type { ComponentKind } from './component-ref.js';
import { ConfigError } from './errors.js';

/**
 * The part of an options schema a registry relies on; a zod schema fits, and each registry keeps its
 * descriptors' concrete schema types so the configuration can build its union from them.
 */
export type OptionsSchema<Options> = {
  /** Parses options as written in the configuration (defaults filled in), or throws. */
  parse(input: unknown): Options;
};

/** What every registrable thing's descriptor has: one shape for targets, techniques, converters, scorers, classifiers… */
export type Descriptor<Id extends string = string, Options = never, Built = unknown, Services = never> = {
  /** Registry id, e.g. 'role-play', 'base64', 'refusal', 'openai'. */
  readonly id: Id;
  /** One line for `redline list`. */
  readonly summary: string;
  /** Bump when the behaviour for the same input and options changes. */
  readonly version: number;
  /** The typed options schema (zod), which validates configuration and fills defaults. */
  readonly options: OptionsSchema<Options>;
  /** Builds the component from parsed options and what it may draw on from its surroundings. */
  readonly create: (options: Options, services: Services) => Built;
};

/** Every descriptor of one kind, looked up by id. */
export type Registry<D extends { readonly id: string }> = {
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
  const ids = all.map((d) => d.id as D['id']);
  return {
    kind,
    all,
    ids,
    find: (id) => byId.get(id),
    get: (id, where = { file: '<options>', path: kind }) => {
      const found = byId.get(id);
      if (found !== undefined) return found;
      const guess = closest(id, ids);
      throw new ConfigError(`${where.file}: ${where.path}: unknown ${kind} '${id}'${guess === undefined ? '' : `; did you mean '${guess}'?`}`, {
        file: where.file,
        path: where.path,
        hint: `list them with \`redline list ${kind}s\``,
      });
    },
  };
}
