import type { ServerResponse } from 'node:http';
import { seededRandom } from '../../src/core/random.js';
import { replyJson, startLocalServer, type LocalServer } from './local-server.js';

/** What the fault server does with one request instead of (or before) answering it. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'html'; readonly status: number }
  | { readonly kind: 'truncated-json' }
  | { readonly kind: 'malformed-json' }
  | { readonly kind: 'empty-choices' }
  | { readonly kind: 'huge' }
  | { readonly kind: 'stall' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'latency'; readonly delayMs: number };

/** The name a fault is counted under, e.g. 'status-429', 'reset'. */
export type FaultName = string;

/** When a fault applies; every condition given must hold, and the first matching rule wins. */
export type FaultRule = {
  /** The prompt (last user message, or the app's `prompt` field) matches. */
  readonly prompt?: RegExp;
  /** The 1-based try of this same prompt is one of these. */
  readonly tries?: readonly number[];
  /** The 1-based server-wide call number is one of these. */
  readonly calls?: readonly number[];
  /** Applies to this share of the requests it could apply to, drawn from the server's seeded random. */
  readonly rate?: number;
  /** The fault to inject. */
  readonly fault: Fault;
};

/** One request as the fault server saw it. */
export type FaultCall = {
  /** 'openai' for POST …/chat/completions, 'app' for any other path (body `{prompt}`, reply `{reply}`). */
  readonly shape: 'openai' | 'app';
  /** The prompt. */
  readonly prompt: string;
  /** 1-based try of this same prompt. */
  readonly nth: number;
  /** 1-based server-wide call number. */
  readonly call: number;
  /** Arrival on the monotonic clock (performance.now(), ms). */
  readonly at: number;
  /** Arrival on the wall clock (ms since the epoch), to compare with an HTTP-date Retry-After. */
  readonly wallAt: number;
  /** The fault injected, or undefined for a normal answer. */
  readonly fault?: FaultName;
};

/** Options of the fault server. */
export type FaultServerOptions = {
  /** Rules, tried in order. */
  readonly rules: readonly FaultRule[];
  /** The normal answer's text for a prompt (default: a refusal). */
  readonly reply?: (prompt: string) => string;
  /** Seed of the `rate` draws. */
  readonly seed?: number;
  /** Requests past this many get a plain 503 and are not recorded (default 5,000): the server bounds its work. */
  readonly maxRequests?: number;
};

/** A running fault server. */
export type FaultServer = Pick<LocalServer, 'url' | 'close'> & {
  /** Requests so far, oldest first. */
  readonly calls: readonly FaultCall[];
  /** Requests refused because `maxRequests` was reached. */
  readonly overflow: () => number;
  /** How many times each fault was injected. */
  readonly injected: () => Record<FaultName, number>;
};

/** Bytes of the 'huge' body: one past the 10 MiB reply limit. */
export const hugeBodyBytes = 10 * 1024 * 1024 + 1;

const htmlPage = '<!DOCTYPE html><html><head><title>Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';

/** Names a fault for counting: its kind, with the status for status and html faults. */
export function faultName(fault: Fault): FaultName {
  return 'status' in fault ? `${fault.kind}-${fault.status}` : fault.kind;
}

/** Starts a fault-injecting OpenAI-compatible and plain JSON HTTP server on 127.0.0.1. */
export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const calls: FaultCall[] = [];
  const seen = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const random = seededRandom(options.seed ?? 1);
  const limit = options.maxRequests ?? 5000;
  const answerText = options.reply ?? (() => "I'm sorry, but I can't help with that.");
  let overflow = 0;
  let huge: Buffer | undefined;

  const later = (ms: number, work: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };

  const server = await startLocalServer((reply, request) => {
    if (calls.length >= limit) {
      overflow += 1;
      return replyJson(reply, { status: 503, body: { error: { message: 'fault server request cap reached' } } });
    }
    const shape = request.path.endsWith('/chat/completions') ? 'openai' : 'app';
    const prompt = promptOf(shape, request.body);
    const nth = (seen.get(prompt) ?? 0) + 1;
    seen.set(prompt, nth);
    const base = { shape, prompt, nth, call: calls.length + 1, at: performance.now(), wallAt: Date.now() } as const;
    const fault = options.rules.find((rule) => applies(rule, base, random))?.fault;
    calls.push(fault ? { ...base, fault: faultName(fault) } : base);
    const ok = (): string => okBody(shape, answerText(prompt));
    if (!fault) return sendText(reply, { status: 200, body: ok() });
    switch (fault.kind) {
      case 'status': {
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
        return sendText(reply, { status: fault.status, body: JSON.stringify({ error: { message: `injected ${fault.status}` } }), headers });
      }
      case 'html':
        return sendText(reply, { status: fault.status, body: htmlPage, headers: { 'content-type': 'text/html' } });
      case 'truncated-json': {
        const whole = ok();
        return sendText(reply, { status: 200, body: whole.slice(0, Math.floor(whole.length / 2)) });
      }
      case 'malformed-json':
        return sendText(reply, { status: 200, body: "{'choices': [,], reply: nope}" });
      case 'empty-choices':
        return sendText(reply, { status: 200, body: JSON.stringify(shape === 'openai' ? { id: 'x', object: 'chat.completion', choices: [] } : {}) });
      case 'huge':
        // Built once and shared; no content-length, so the client must count as it streams.
        huge ??= Buffer.alloc(hugeBodyBytes, 'a');
        reply.writeHead(200, { 'content-type': 'application/json' });
        reply.end(huge);
        return;
      case 'stall': {
        const whole = ok();
        reply.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(whole)) });
        // Half the body, then nothing: the socket stays open until the client gives up or close() drops it.
        reply.write(whole.slice(0, Math.floor(whole.length / 2)));
        return;
      }
      case 'reset':
        request.raw.socket.destroy();
        return;
      case 'latency':
        return later(fault.delayMs, () => sendText(reply, { status: 200, body: ok() }));
    }
  });

  return {
    url: server.url,
    calls,
    overflow: () => overflow,
    injected: () => countFaults(calls),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await server.close();
    },
  };
}

function applies(rule: FaultRule, call: Pick<FaultCall, 'prompt' | 'nth' | 'call'>, random: () => number): boolean {
  if (rule.prompt && !rule.prompt.test(call.prompt)) return false;
  if (rule.tries && !rule.tries.includes(call.nth)) return false;
  if (rule.calls && !rule.calls.includes(call.call)) return false;
  // Drawn last, so a rule's rate applies only to requests its other conditions picked.
  return rule.rate === undefined || random() < rule.rate;
}

function promptOf(shape: FaultCall['shape'], body: string): string {
  const parsed = JSON.parse(body) as { messages?: { role: string; content: string }[]; prompt?: string };
  if (shape === 'app') return parsed.prompt ?? '';
  return [...(parsed.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
}

function okBody(shape: FaultCall['shape'], text: string): string {
  if (shape === 'app') return JSON.stringify({ reply: text });
  return JSON.stringify({
    id: 'chatcmpl-fault', object: 'chat.completion', created: 0, model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  });
}

function sendText(reply: ServerResponse, answer: { status: number; body: string; headers?: Record<string, string> }): void {
  reply.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  reply.end(answer.body);
}

function countFaults(calls: readonly FaultCall[]): Record<FaultName, number> {
  const counts: Record<FaultName, number> = {};
  for (const { fault } of calls) if (fault !== undefined) counts[fault] = (counts[fault] ?? 0) + 1;
  return counts;
}
