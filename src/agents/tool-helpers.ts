import type { AgentToolResult } from './environment.js';

/** One property of a tool's JSON-schema parameters. */
export type ToolParameter = {
  /** JSON type of the argument. */
  readonly type: 'string' | 'number';
  /** What it is, as the model reads it. */
  readonly description: string;
  /** The values allowed, when only a few are. */
  readonly enum?: readonly string[];
};

/** A tool's parameters as a closed JSON-schema object. */
export const toolParameters = (properties: Readonly<Record<string, ToolParameter>>, required: readonly string[]) => ({ type: 'object', properties, required, additionalProperties: false });

/** An argument as text: a string as given, anything else as JSON, '' when absent. */
export const argText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));

/** An argument as an amount of money (a number or numeric text, rounded to cents), or undefined when it is not a positive amount. */
export const argAmount = (value: unknown): number | undefined => {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/,/g, '')) : Number.NaN;
  return Number.isFinite(amount) && amount > 0 ? Math.round(amount * 100) / 100 : undefined;
};

/** A tool's result, as indented JSON for the model. */
export const okResult = (value: unknown): AgentToolResult => ({ text: JSON.stringify(value, null, 2) });

/** A failed tool call, answered as an error the model sees. */
export const failResult = (message: string): AgentToolResult => ({ text: `Error: ${message}`, isError: true });
