import { ConfigError } from '../core/errors.js';
import type { LayerRecord } from '../core/layer.js';
import type { Message, Role } from '../core/message.js';
import type { TargetRequest, TargetResponse } from '../core/target.js';

/** An OpenAI-style error body: `{ error: { message, type, param, code } }`, as the official SDKs read it. */
export type ChatErrorBody = {
  /** The error. */
  readonly error: { readonly message: string; readonly type: string; readonly param: string | null; readonly code: string | null };
};

/** What the proxy reports of one layer's decision in a reply's `redline.layers`. */
export type ReportedLayer = {
  /** The layer's instance id. */
  readonly layer: string;
  /** Its stage. */
  readonly stage: LayerRecord['stage'];
  /** allow, block or rewrite. */
  readonly decision: LayerRecord['decision'];
  /** Its score, when it has one. */
  readonly score?: number;
  /** Categories it named, when any. */
  readonly categories?: readonly string[];
  /** Its reason — request layers only: an output layer's reason may quote what it withheld (a redacted secret). */
  readonly reason?: string;
  /** Time it took, ms. */
  readonly latencyMs: number;
};

// Roles a client may send; `developer` is OpenAI's newer name for the system role.
const ROLES: Readonly<Record<string, Role>> = { system: 'system', developer: 'system', user: 'user', assistant: 'assistant' };

function bad(param: string, message: string, hint: string): ConfigError {
  return new ConfigError(message, { file: '<request>', path: param, hint });
}

function contentText(content: unknown, param: string): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) throw bad(param, `${param} must be a string or a list of text parts`, 'send the message text as a string');
  let text = '';
  for (const [i, part] of content.entries()) {
    const p = part as { type?: unknown; text?: unknown } | null;
    if (p?.type !== 'text' || typeof p.text !== 'string') throw bad(`${param}[${i}]`, `${param}[${i}]: only text parts are supported`, 'send images, audio and files to the upstream directly; the proxy guards text');
    text += p.text;
  }
  return text;
}

/**
 * Reads an OpenAI Chat Completions request body into a target request: system (and developer), user and assistant
 * messages, text only. Streaming, tools and n > 1 are refused (a ConfigError naming the field, answered 400);
 * sampling parameters are ignored — the configured target's own options apply.
 */
export function chatRequestOf(body: unknown): TargetRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('(body)', 'the request body must be a JSON object', 'POST a Chat Completions request: { "model": …, "messages": [...] }');
  const fields = body as Record<string, unknown>;
  if (fields['stream'] === true) throw bad('stream', 'streaming is not supported by redline guard serve', 'send stream: false (the default): output layers read the whole reply before it is returned');
  if (Array.isArray(fields['tools']) && fields['tools'].length > 0) throw bad('tools', 'tools are not forwarded by redline guard serve', 'call the upstream directly for tool use, or leave tools out');
  if (fields['functions'] !== undefined) throw bad('functions', 'functions are not forwarded by redline guard serve', 'leave functions out');
  if (fields['n'] !== undefined && fields['n'] !== null && fields['n'] !== 1) throw bad('n', 'only n = 1 is supported', 'ask for one choice per request');
  const raw = fields['messages'];
  if (!Array.isArray(raw) || raw.length === 0) throw bad('messages', 'messages must be a non-empty list', 'send at least one user message');
  const messages: Message[] = raw.map((entry, i) => {
    const m = entry as { role?: unknown; content?: unknown } | null;
    const role = typeof m?.role === 'string' ? ROLES[m.role] : undefined;
    if (role === undefined) throw bad(`messages[${i}].role`, `messages[${i}].role must be system, developer, user or assistant`, 'tool messages and tool calls are not forwarded');
    return { role, content: contentText(m!.content, `messages[${i}].content`) };
  });
  if (messages.at(-1)!.role !== 'user') throw bad(`messages[${messages.length - 1}]`, 'the last message must be the user turn to answer', 'end messages with a user message');
  const seed = fields['seed'];
  return { messages, seed: Number.isSafeInteger(seed) && (seed as number) >= 0 ? (seed as number) : 0 };
}

/** The layer decisions a reply reports, reasons of output layers left out. */
export function reportedLayers(records: readonly LayerRecord[]): ReportedLayer[] {
  return records.map((r) => ({
    layer: r.layer, stage: r.stage, decision: r.decision,
    ...(r.score === undefined ? {} : { score: r.score }), ...(r.categories === undefined ? {} : { categories: r.categories }),
    ...(r.stage === 'output' ? {} : { reason: r.reason }), latencyMs: Math.round(r.latencyMs * 1000) / 1000,
  }));
}

const FINISH_REASONS = new Set(['stop', 'length', 'content_filter']);

/**
 * A target's reply as an OpenAI `chat.completion` object: the text as `choices[0].message.content`, the finish
 * reason (`content_filter` when a layer blocked), `usage` when the target reported it (not estimated), and a `redline`
 * extension field naming the blocking layer and every layer decision.
 */
export function chatCompletionOf(response: TargetResponse, input: { readonly id: string; readonly model: string; readonly created: number }): Record<string, unknown> {
  const blockedBy = typeof response.metadata?.['blockedBy'] === 'string' ? response.metadata['blockedBy'] : null;
  const reason = response.metadata?.finishReason;
  const finish = blockedBy !== null ? 'content_filter' : reason !== undefined && FINISH_REASONS.has(reason) ? reason : 'stop';
  const usage = response.usage === undefined || response.usage.estimated === true ? undefined : {
    prompt_tokens: response.usage.promptTokens, completion_tokens: response.usage.completionTokens, total_tokens: response.usage.promptTokens + response.usage.completionTokens,
  };
  return {
    id: input.id, object: 'chat.completion', created: input.created, model: input.model,
    choices: [{ index: 0, message: { role: 'assistant', content: response.text, refusal: null }, finish_reason: finish, logprobs: null }],
    ...(usage === undefined ? {} : { usage }),
    redline: { blockedBy, layers: reportedLayers(response.layers ?? []) },
  };
}

/** An OpenAI-style error body. */
export function chatErrorBody(input: { readonly message: string; readonly type: string; readonly code?: string; readonly param?: string }): ChatErrorBody {
  return { error: { message: input.message, type: input.type, param: input.param ?? null, code: input.code ?? null } };
}
