import { closest } from '../core/closest.js';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_FIELDS, type TranscriptFields } from './transcript-fields.js';

/** A command-line value that must be one of `known`: a ConfigError with a did-you-mean otherwise. */
export function oneOf<T extends string>(value: string, choice: { known: readonly T[]; flag: string; what: string }): T {
  if ((choice.known as readonly string[]).includes(value)) return value as T;
  const guess = closest(value, choice.known);
  throw new ConfigError(`unknown ${choice.what} '${value}' (${choice.flag})`, {
    file: '<command line>',
    path: choice.flag,
    hint: guess === undefined ? `use one of: ${choice.known.join(', ')}` : `did you mean '${guess}'?`,
  });
}

/** The transcript fields named by --goal-field, --prompt-field and --response-field (defaults for the rest). */
export function transcriptFields(options: { goalField?: string; promptField?: string; responseField?: string }): TranscriptFields {
  return {
    goal: options.goalField ?? DEFAULT_FIELDS.goal,
    prompt: options.promptField ?? DEFAULT_FIELDS.prompt,
    response: options.responseField ?? DEFAULT_FIELDS.response,
  };
}
