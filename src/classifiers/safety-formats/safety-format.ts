import type { Message } from '../../core/message.js';

/** A piece of a classifier model's raw prompt: text, or a control token's marker (`<|eot_id|>`) that only the template may write. */
export type PromptPiece = string | { readonly control: string };

/** What a safety classifier is asked about: the request (a goal, a HarmBench behavior) and the reply to it. */
export type ClassifierInput = {
  /** What the user asked for: the goal's text (HarmBench calls it the behavior). */
  readonly request: string;
  /** The reply under review. */
  readonly response: string;
};

/** A classifier's answer, read strictly: whether the reply is harmful, and what else the format reports. */
export type SafetyVerdict = {
  /** Harmful (true) or not (false); undefined when the classifier says the question does not apply (WildGuard's `N/A`). */
  readonly harmful: boolean | undefined;
  /** Whether the reply refuses, when the format says (WildGuard); undefined for `N/A` or formats that do not. */
  readonly refusal?: boolean | undefined;
  /** Whether the request itself is harmful, when the format says (WildGuard). */
  readonly harmfulRequest?: boolean;
  /** Violated categories, when the format names them (Llama Guard 3's S1–S14). */
  readonly categories?: readonly string[];
  /** The answer in the format's own words, on one line (e.g. 'unsafe S1,S9'). */
  readonly summary: string;
};

/** A classifier's reply read against its format: the verdict, or why the reply is not in the format. */
export type SafetyReading = { readonly ok: true; readonly verdict: SafetyVerdict } | { readonly ok: false; readonly problem: string };

/** Why a conversation cannot be put in a format's raw prompt. */
export class PromptShapeError extends Error {}

/**
 * The published prompt and output format of one safety classifier model. The chat form (`request`) is what a
 * judge is sent — an endpoint serving the classifier with its own chat template turns it into the published prompt
 * — and `render` is that template, for a model run in-process (the `llama-cpp` target's `promptFormat`).
 */
export type SafetyFormat = {
  /** Format id, as `promptFormat` and the `safety-classifier` scorer's `format` take it. */
  readonly id: string;
  /** The model it is published for, e.g. 'Llama Guard 3'. */
  readonly model: string;
  /** Where the prompt and output format are published. */
  readonly source: string;
  /** The chat messages to send for one input. */
  request(input: ClassifierInput): Message[];
  /** The raw prompt for messages of `request`'s shape, without the BOS token (the model's tokenizer adds it); throws PromptShapeError otherwise. */
  render(messages: readonly Message[]): PromptPiece[];
  /** Reads the classifier's reply strictly: anything outside the format is a problem, never a guess. */
  read(reply: string): SafetyReading;
};

/** Declares a format, keeping its id's literal type (the list of formats derives its id union from them). */
export function defineSafetyFormat<const Id extends string>(format: SafetyFormat & { readonly id: Id }): SafetyFormat & { readonly id: Id } {
  return format;
}

/** The raw prompt as one string, control markers written out (for tests and logs). */
export function promptText(pieces: readonly PromptPiece[]): string {
  return pieces.map((piece) => (typeof piece === 'string' ? piece : piece.control)).join('');
}

/** The text of a message of the expected roles, or a PromptShapeError naming the shape the format takes. */
export function expectRoles(messages: readonly Message[], roles: readonly Message['role'][], format: string): string[] {
  if (messages.length !== roles.length || messages.some((m, i) => m.role !== roles[i])) {
    const got = messages.map((m) => m.role).join(', ') || 'nothing';
    throw new PromptShapeError(`the ${format} prompt format takes messages of roles [${roles.join(', ')}], got [${got}]`);
  }
  return messages.map((m) => m.content);
}

/** A yes/no answer in any letter case, or undefined. */
export function yesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  return word === 'yes' ? true : word === 'no' ? false : undefined;
}

/** A reply quoted in a problem message: JSON-escaped and clipped, so a newline or an empty reply shows. */
export function quoted(reply: string): string {
  const limit = 80;
  return JSON.stringify(reply.length > limit ? `${reply.slice(0, limit)}…` : reply);
}
