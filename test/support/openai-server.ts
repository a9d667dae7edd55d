import type { ServerResponse } from 'node:http';
import { replyJson, startLocalServer, type LocalServer } from './local-server.js';

/** One chat request as the fake endpoint saw it. */
export type ChatCall = {
  /** Last user message. */
  readonly prompt: string;
  /** All messages. */
  readonly messages: { role: string; content: string }[];
  /** 1-based count of calls with this same prompt so far. */
  readonly nth: number;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
};

/** What the fake endpoint does with a call. */
export type ChatAnswer =
  | {
      readonly text: string;
      readonly delayMs?: number;
      /** Tool calls the reply makes (content becomes null when `text` is empty). */
      readonly toolCalls?: readonly { readonly id: string; readonly name: string; readonly arguments: string }[];
      /** finish_reason (default 'tool_calls' with tool calls, else 'stop'). */
      readonly finishReason?: string;
      /** Extra fields of choices[0], e.g. Azure's content_filter_results. */
      readonly choiceExtra?: Record<string, unknown>;
    }
  | { readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly hang: true };

/** A real OpenAI-compatible Chat Completions server on 127.0.0.1 answering by a script. */
export async function startOpenAiServer(script: (call: ChatCall) => ChatAnswer): Promise<LocalServer & { calls: ChatCall[] }> {
  const calls: ChatCall[] = [];
  const seen = new Map<string, number>();
  const hung: ServerResponse[] = [];
  const server = await startLocalServer((reply, request) => {
    if (!request.path.endsWith('/chat/completions')) return replyJson(reply, { status: 404, body: { error: { message: 'not found' } } });
    const body = JSON.parse(request.body) as { messages: { role: string; content: string }[] };
    const prompt = [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const nth = (seen.get(prompt) ?? 0) + 1;
    seen.set(prompt, nth);
    const call = { prompt, messages: body.messages, nth, at: Date.now() };
    calls.push(call);
    const answer = script(call);
    if ('hang' in answer) {
      hung.push(reply);
      return;
    }
    if ('status' in answer) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.retryAfter !== undefined) headers['retry-after'] = answer.retryAfter;
      reply.writeHead(answer.status, headers);
      reply.end(answer.body ?? JSON.stringify({ error: { message: `status ${answer.status}` } }));
      return;
    }
    const send = (): void =>
      replyJson(reply, {
        body: {
          id: 'chatcmpl-test', object: 'chat.completion', created: 0, model: 'test-model',
          choices: [{
            index: 0,
            message: {
              role: 'assistant', content: answer.toolCalls !== undefined && answer.text === '' ? null : answer.text,
              ...(answer.toolCalls === undefined ? {} : { tool_calls: answer.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) }),
            },
            finish_reason: answer.finishReason ?? (answer.toolCalls === undefined ? 'stop' : 'tool_calls'),
            ...answer.choiceExtra,
          }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        },
      });
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  return { ...server, calls, received: server.received, url: server.url, close: server.close };
}
