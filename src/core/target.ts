import type { LayerRecord } from './layer-verdict.js';
import type { ContentPart, Message } from './message.js';

/** What a target can be asked to do. */
export type TargetCapabilities = {
  /** Accepts prior turns (a conversation), not only one prompt. */
  readonly multiTurn: boolean;
  /** Lets the caller set a system prompt / metaprompt of its own. */
  readonly systemPrompt: boolean;
  /** Ingests documents (retrieval, e-mail, tool results) where indirect injection can be planted. */
  readonly documents: boolean;
  /** Reached over a network, where it may be down or refuse the credentials: the run probes it before sending. */
  readonly network?: boolean;
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
  /** True when the target reported no usage and these are estimates (characters / 4). */
  readonly estimated?: boolean;
};

/**
 * Small facts about a reply worth keeping; the named keys have one meaning across targets, others are target-specific.
 */
export type TargetMetadata = Readonly<Record<string, string | number | boolean>> & {
  /** Why generation stopped, as the target said it: 'stop', 'length', 'tool_calls', 'content_filter'… */
  readonly finishReason?: string;
  /** True when the target declined through a dedicated refusal field (OpenAI's `message.refusal`). */
  readonly refusal?: boolean;
  /** True, or the filtered categories, when a content filter acted on the reply. */
  readonly contentFilter?: boolean | string;
};

/** A target's answer. */
export type TargetResponse = {
  /** The reply's text (its text parts joined; empty when the target answered with no text). */
  readonly text: string;
  /** The whole reply, in order, when it holds more than text (tool calls); absent for a plain text reply. */
  readonly parts?: readonly ContentPart[];
  /** Token usage, when the target reports it. */
  readonly usage?: Usage;
  /** Finish reason, refusal and content-filter flags, and other small facts the target reported. */
  readonly metadata?: TargetMetadata;
  /** What each defense layer decided, in the order they ran, when the target is guarded (recorded as `layer` events). */
  readonly layers?: readonly LayerRecord[];
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
