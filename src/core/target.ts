import type { Message } from './message.js';

/** What a target can be asked to do. */
export type TargetCapabilities = {
  /** Accepts prior turns (a conversation), not only one prompt. */
  readonly multiTurn: boolean;
  /** Lets the caller set a system prompt / metaprompt of its own. */
  readonly systemPrompt: boolean;
  /** Ingests documents (retrieval, e-mail, tool results) where indirect injection can be planted. */
  readonly documents: boolean;
};

/** One request from the engine to a target. */
export type TargetRequest = {
  /** The conversation to send, oldest first; the last message is the user turn to answer. */
  readonly messages: readonly Message[];
  /** Documents the application should ingest alongside the conversation (indirect injection). */
  readonly documents?: readonly string[];
  /** Deterministic per-attempt seed: simulated targets draw from it; real targets may ignore it. */
  readonly seed: number;
  /**
   * Stable id of the conversation this request continues (one per attempt): a stateful target maps it to its own
   * session, and sends only the new turn when the application keeps the history itself.
   */
  readonly conversationId?: string;
};

/** Token counts reported by a target, when it reports them. */
export type Usage = {
  /** Tokens in the prompt. */
  readonly promptTokens: number;
  /** Tokens in the completion. */
  readonly completionTokens: number;
};

/** A target's answer. */
export type TargetResponse = {
  /** The reply text (empty string when the target answered with nothing). */
  readonly text: string;
  /** Token usage, when the target reports it. */
  readonly usage?: Usage;
  /** Small facts worth keeping, e.g. `finishReason` or a content-filter flag. */
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
};

/** The AI system under test. */
export type Target = {
  /** Stable id stored with every attempt, e.g. 'openai:gpt-4o-mini@api.openai.com'. */
  readonly id: string;
  /** What the target can be asked to do. */
  readonly capabilities: TargetCapabilities;
  /** True for a simulated target (the demo): reports label its numbers as simulated. */
  readonly simulated: boolean;
  /** Called only by the engine, which times, rate-limits, retries and records it. */
  send(request: TargetRequest, signal: AbortSignal): Promise<TargetResponse>;
  /** Releases sockets or files; the engine calls it once when the run ends. */
  close?(): Promise<void>;
};
