import type { z } from 'zod';
import type { Descriptor } from '../core/registry.js';

/** A tool the simulated application offers its model: a name, what it does, and its JSON-schema parameters. */
export type AgentToolSpec = {
  /** Tool name, as the model calls it. */
  readonly name: string;
  /** What it does, as the model reads it. */
  readonly description: string;
  /** JSON Schema of its arguments (an object). */
  readonly parameters: Readonly<Record<string, unknown>>;
};

/** What a tool returned: its text for the model, and whether it failed. */
export type AgentToolResult = { readonly text: string; readonly isError?: boolean };

/**
 * One attempt's simulated world: its tools, and what calling them does to its state. Built fresh for every request,
 * with the attempt's planted documents at the environment's injection vector (where attacker text lands).
 */
export type AgentWorld = {
  /** The tools offered. */
  readonly tools: readonly AgentToolSpec[];
  /** Runs a call; the arguments are parsed JSON (the loop reports malformed JSON before calling). */
  call(name: string, args: Readonly<Record<string, unknown>>): AgentToolResult;
  /** What the world holds now, for checks over the final state (sent mail, changed files…). */
  snapshot(): unknown;
};

/** A simulated environment: builds a world per request, planting documents where its injection vector is. */
export type EnvironmentDescriptor<Id extends string = string, Schema extends z.ZodType = z.ZodType> = Omit<Descriptor<Id, z.output<Schema>, never>, 'create' | 'options'> & {
  /** Options schema (strict, with an `id` literal). */
  readonly options: Schema;
  /** The places in tool outputs where planted documents land, by name (the first is the default). */
  readonly vectors: readonly string[];
  /** A world for one request: `documents` are planted at `vector`. */
  create(options: z.output<Schema>, input: { readonly documents: readonly string[]; readonly vector: string }): AgentWorld;
};

/** Declares an environment descriptor with its types checked. */
export function defineEnvironment<const Id extends string, Schema extends z.ZodType>(descriptor: EnvironmentDescriptor<Id, Schema>): EnvironmentDescriptor<Id, Schema> {
  return descriptor;
}
