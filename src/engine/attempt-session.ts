import type { ConversationReply, SendOptions } from '../core/conversation.js';
import type { AttemptEvent, MessageEvent, TargetCallEvent } from '../core/event.js';
import type { ContentPart, Message } from '../core/message.js';
import { deriveSeed } from '../core/random.js';
import { blockedReply, replyReading } from '../core/reply-reading.js';
import type { Usage } from '../core/target.js';
import type { ConverterChain } from '../converters/chain.js';
import { exfilToken } from '../core/exfil.js';
import type { AttemptContext } from './attempt-context.js';
import { createAttemptBudget, type AttemptBudget } from './budget.js';
import { readInKind } from './read-in-kind.js';
import { sendWithRetry } from './send-with-retry.js';

/** A failure that ends an attempt: a target or translator error, a spent budget, or a stopped run. */
export type SessionFailure = Extract<ConversationReply, { ok: false }>;

/** The target's reply to one send, or why there is none. */
export type SessionReply =
  | {
      readonly ok: true;
      /** The reply's text, as received. */
      readonly text: string;
      /** The reply as scorers read it: translated back to English when the technique sends in another language. */
      readonly read: string;
      /** The reply's parts when it holds more than text (tool calls). */
      readonly parts?: readonly ContentPart[];
      /** The target's content filter blocked the reply (no text, no tool call): the categories it named, or 'unspecified'. */
      readonly blocked?: string;
    }
  | SessionFailure;

/** What a send carries besides the conversation. */
export type SessionSendOptions = SendOptions & {
  /** Documents for the application to ingest with this request (indirect injection); recorded as document parts. */
  readonly documents?: readonly string[];
};

/** Totals of an attempt's target turns. */
export type SessionTotals = {
  /** Target turns sent (answered or not). */
  readonly turns: number;
  /** Retries over all turns. */
  readonly retries: number;
  /** Latency over all turns (last try of each), ms. */
  readonly latencyMs: number;
  /** Token usage summed over the turns (estimated where the target reported none, and then marked estimated). */
  readonly usage?: Usage;
};

/**
 * One attempt's only path to the target. Each send converts (and translates) the new user turn once, re-sends
 * earlier turns exactly as they went over the wire, and appends the events where things happen: conversions,
 * the messages as sent, the target call, the reply. Single- and multi-turn attempts share it.
 */
export type AttemptSession = {
  /** The log so far. */
  readonly events: readonly AttemptEvent[];
  /** Sends a conversation (plain text, as the technique wrote it) and records what went over the wire. */
  send(messages: readonly Message[], options?: SessionSendOptions): Promise<SessionReply>;
  /** Marks every message recorded under `node` as pruned. */
  prune(node: string): void;
  /** Marks the last exchange sent (its new user turn and the reply) as pruned. */
  rollBack(): void;
  /** Records a turn that was written but never sent, marked pruned. */
  recordUnsent(message: Message, options?: SendOptions): void;
  /** Appends an event the attempt produced outside a send (scores, errors, model-role calls). */
  append(event: AttemptEvent): void;
  /** Totals of the target turns so far. */
  totals(): SessionTotals;
  /** The attempt's budget (the run's included), for model-role calls that spend tokens. */
  readonly budget: AttemptBudget;
};

/** What a session is opened with. */
export type SessionInput = {
  /** The run's context. */
  readonly context: AttemptContext;
  /** The chain applied to each new user turn. */
  readonly chain: ConverterChain;
  /** Language the technique sends in, when it translates. */
  readonly translateTo?: string;
  /** The attempt's seed. */
  readonly seed: number;
  /** Plan position (names the conversation for stateful targets). */
  readonly seq: number;
  /** True for a technique that converses: each turn gets its own seed and the target a conversation id. */
  readonly multiTurn: boolean;
  /** When the attempt started (epoch ms), for its time budget. */
  readonly startedAt: number;
};

const stopped: SessionFailure = { ok: false, stop: 'stopped', kind: 'stopped', message: 'the run was stopped' };

/** The parts of a user turn as sent: its converted text, its other parts, and the documents planted with it. */
function wireParts(text: string, message: Message, documents: { texts: readonly string[]; channel: 'attachment' | 'inline' } | undefined): ContentPart[] {
  const parts: ContentPart[] = text === '' ? [] : [{ type: 'text', text }];
  if (message.parts !== undefined) for (const part of message.parts) if (part.type !== 'text') parts.push(part);
  if (documents !== undefined) for (const document of documents.texts) parts.push({ type: 'document', text: document, channel: documents.channel });
  return parts;
}

/**
 * A user turn with documents pasted after its text, for a target that takes no documents: how a user hands an
 * e-mail or a page to a chat assistant. The preflight lists the pairs delivered this way.
 */
function inlineDocuments(text: string, documents: readonly string[]): string {
  return [text, ...documents].join('\n\n');
}

/** Opens the session of one attempt. */
export function createAttemptSession(input: SessionInput): AttemptSession {
  const { context, chain } = input;
  const events: AttemptEvent[] = [];
  const budget = createAttemptBudget({ limits: context.limits ?? {}, ...(context.runBudget ? { run: context.runBudget } : {}), startedAt: input.startedAt });
  const identity = chain.steps.length === 0 && input.translateTo === undefined;
  // Plain user text → the text sent for it: history is re-sent exactly as the target first received it.
  const wire = new Map<string, string>();
  // Messages already in the log (role and plain text), so a re-sent history is not recorded twice.
  const recorded = new Set<string>();
  const conversationId = input.multiTurn ? `${input.seed.toString(16)}-${input.seq}` : undefined;
  // Where the last send's new user turn sits in the log, so a roll-back marks exactly that exchange.
  let lastExchange = -1;
  let turns = 0;
  let retries = 0;
  let latencyMs = 0;
  let usage: { promptTokens: number; completionTokens: number; estimated?: boolean } | undefined;

  const key = (role: string, text: string): string => `${role}\u0000${text}`;
  // Only a conversation re-sends its history; a single-turn attempt has nothing to remember.
  const remember = (role: string, text: string): void => {
    if (input.multiTurn) recorded.add(key(role, text));
  };
  const record = (event: MessageEvent): void => {
    events.push(event);
  };

  /** The new user turn as sent, after translation and conversion (both recorded), or why it cannot be sent. */
  async function convertTurn(text: string): Promise<{ ok: true; text: string } | SessionFailure> {
    if (identity) return { ok: true, text };
    let current = text;
    if (input.translateTo !== undefined) {
      const translated = await requireTranslator(context).translate(current, input.translateTo);
      if (!translated.ok) return 'stopped' in translated ? stopped : translatorFailure(translated.error, 'prompt');
      events.push({ type: 'conversion', by: 'translation', chain: input.translateTo, of: 'prompt', before: current, after: translated.text });
      current = translated.text;
    }
    if (chain.steps.length > 0) {
      const converted = chain.convert(current);
      if (converted !== current) events.push({ type: 'conversion', by: 'converters', chain: chain.id, of: 'prompt', before: current, after: converted });
      current = converted;
    }
    return { ok: true, text: current };
  }

  async function send(messages: readonly Message[], options: SessionSendOptions = {}): Promise<SessionReply> {
    if (context.stop.aborted) return stopped;
    const over = budget.beforeTurn({ now: context.clock.now(), turnsUsed: turns });
    if (over !== undefined) return { ok: false, stop: 'budget', kind: 'budget', message: over };
    let last = messages.length - 1;
    while (last >= 0 && messages[last]!.role !== 'user') last -= 1;
    const sent: Message[] = new Array<Message>(messages.length);
    for (let i = 0; i < messages.length; i += 1) {
      if (i === last) continue;
      const m = messages[i]!;
      const text = m.role === 'user' ? wire.get(m.content) ?? m.content : m.content;
      sent[i] = text === m.content ? m : { ...m, content: text };
      // A history turn no earlier send of this attempt carried (a fabricated past) is recorded, as fabricated.
      if (!recorded.has(key(m.role, m.content))) {
        record({ type: 'message', role: m.role, parts: wireParts(text, m, undefined), ...(m.role === 'system' ? {} : { source: 'fabricated' as const }) });
      }
    }
    for (let i = 0; i < messages.length; i += 1) if (i !== last) remember(messages[i]!.role, messages[i]!.content);
    let documents = 0;
    // A target that takes no documents gets them in the user turn (preflight.documents: inline; 'skip' never plans it).
    const inline = options.documents !== undefined && options.documents.length > 0 && !context.target.capabilities.documents;
    if (last >= 0) {
      const m = messages[last]!;
      const converted = await convertTurn(m.content);
      if (!converted.ok) return converted;
      wire.set(m.content, converted.text);
      remember('user', m.content);
      const text = inline ? inlineDocuments(converted.text, options.documents!) : converted.text;
      const parts = wireParts(text, m, options.documents === undefined ? undefined : { texts: options.documents, channel: inline ? 'inline' : 'attachment' });
      sent[last] = parts.some((p) => p.type !== 'text') ? { role: 'user', content: text, parts } : { role: 'user', content: text };
      documents = inline ? 0 : options.documents?.length ?? 0;
      lastExchange = events.length;
      record({ type: 'message', role: 'user', parts, source: options.source ?? 'technique', ...(options.node === undefined ? {} : { node: options.node }) });
    }
    const seed = input.multiTurn ? deriveSeed(input.seed, turns) : input.seed;
    const result = await sendWithRetry(
      { messages: sent, ...(options.documents === undefined || inline ? {} : { documents: options.documents }), seed, ...(conversationId === undefined ? {} : { conversationId }) },
      context,
    );
    if (!result.ok && 'stopped' in result) return stopped;
    turns += 1;
    retries += result.retries;
    latencyMs += result.latencyMs;
    const call: TargetCallEvent = {
      // Hundredths of a millisecond: finer digits are timer noise, and they would cost bytes in every stored call.
      type: 'target-call', ok: result.ok, latencyMs: Math.round(result.latencyMs * 100) / 100, retries: result.retries,
      request: { messages: sent.length, documents },
      ...(result.ok && result.response.usage ? { usage: result.response.usage } : {}),
      ...(result.ok && result.response.metadata ? { metadata: result.response.metadata } : {}),
      ...(result.ok ? {} : { error: { kind: result.error.kind, message: result.error.message } }),
    };
    // A guarded target's layers ran inside the call: their decisions go before it, in the order they ran.
    if (result.ok) for (const layer of result.response.layers ?? []) events.push({ type: 'layer', ...layer });
    events.push(call);
    if (!result.ok) return { ok: false, stop: 'error', kind: result.error.kind, message: result.error.message };
    const { response } = result;
    // Usage as the target reported it, else estimated (characters / 4) and marked so: cost is never silently zero.
    const used = response.usage ?? {
      promptTokens: Math.ceil(sent.reduce((n, m) => n + m.content.length, 0) / 4), completionTokens: Math.ceil(response.text.length / 4), estimated: true,
    };
    usage ??= { promptTokens: 0, completionTokens: 0 };
    usage.promptTokens += used.promptTokens;
    usage.completionTokens += used.completionTokens;
    if (used.estimated === true) usage.estimated = true;
    budget.spendUsage('target', used);
    const parts = response.parts ?? (response.text === '' ? [] : [{ type: 'text' as const, text: response.text }]);
    remember('assistant', response.text);
    record({ type: 'message', role: 'assistant', parts, ...(options.node === undefined ? {} : { node: options.node }) });
    // A tool call carrying this attempt's listener token (mail sent to its address, its URL fetched by a tool) is proof too.
    if (context.exfil !== undefined) witnessToolSinks(context.exfil, { seq: input.seq, parts, at: context.clock.now() });
    // The reply as the target meant it: decoded when it answered in kind to an encoded prompt, then translated back.
    let meant = response.text;
    const decoded = readInKind(chain, meant);
    if (decoded !== undefined) {
      events.push({ type: 'conversion', by: 'converters', chain: chain.id, of: 'reply', before: meant, after: decoded });
      meant = decoded;
    }
    if (input.translateTo !== undefined && meant.trim() !== '') {
      const back = await requireTranslator(context).translate(meant, 'English');
      if (!back.ok) return 'stopped' in back ? stopped : translatorFailure(back.error, 'reply');
      events.push({ type: 'conversion', by: 'translation', chain: 'English', of: 'reply', before: meant, after: back.text });
      meant = back.text;
    }
    const read = replyReading({ ...response, text: meant });
    const blocked = blockedReply({ contentFilter: response.metadata?.contentFilter, text: response.text, parts: response.parts });
    return { ok: true, text: response.text, read, ...(response.parts === undefined ? {} : { parts: response.parts }), ...(blocked === undefined ? {} : { blocked }) };
  }

  const pruneFrom = (start: number, matches: (event: MessageEvent) => boolean): void => {
    for (let i = Math.max(0, start); i < events.length; i += 1) {
      const event = events[i]!;
      if (event.type === 'message' && !event.pruned && matches(event)) events[i] = { ...event, pruned: true };
    }
  };
  return {
    events,
    send,
    budget,
    prune: (node) => pruneFrom(0, (event) => event.node === node),
    rollBack: () => {
      if (lastExchange >= 0) pruneFrom(lastExchange, () => true);
    },
    recordUnsent(message, options = {}) {
      record({
        type: 'message', role: message.role, parts: wireParts(message.content, message, undefined), pruned: true,
        ...(message.role === 'user' ? { source: options.source ?? 'technique' } : {}), ...(options.node === undefined ? {} : { node: options.node }),
      });
    },
    append(event) {
      events.push(event);
    },
    totals: () => ({ turns, retries, latencyMs, ...(usage === undefined ? {} : { usage: { ...usage } }) }),
  };
}

function requireTranslator(context: AttemptContext): NonNullable<AttemptContext['translator']> {
  // Preparing a run refuses a translating technique without a translator, so this is a programming error.
  if (context.translator === undefined) throw new Error('a translating technique ran without a translator');
  return context.translator;
}

/** A failed translation, as the failure that ends the attempt. */
function translatorFailure(error: { kind: string; message: string }, direction: 'prompt' | 'reply'): SessionFailure {
  return { ok: false, stop: 'error', kind: `translator-${error.kind}`, message: `translating the ${direction} failed: ${error.message}` };
}

/** Records, as a listener hit, each tool call of a reply whose arguments carry the attempt's token. */
function witnessToolSinks(exfil: NonNullable<AttemptContext['exfil']>, input: { seq: number; parts: readonly ContentPart[]; at: number }): void {
  const token = exfilToken({ runId: exfil.runId, seq: input.seq });
  for (const part of input.parts) {
    if (part.type !== 'tool-call' || !part.arguments.includes(token)) continue;
    exfil.witness.record({ token, at: input.at, method: 'TOOL', path: `${part.name}(${part.arguments.length > 300 ? `${part.arguments.slice(0, 300)}…` : part.arguments})` });
  }
}
