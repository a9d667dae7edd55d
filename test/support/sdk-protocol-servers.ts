import type { LocalServer } from './local-server.js';
import { startScriptedHttp } from './scripted-http.js';
import type { ScriptedAnswer, ScriptedRequest } from './target-conformance.js';

/** Starts a scripted local server that speaks one provider's documented wire protocol. */
export type ProtocolServer = (script: (request: ScriptedRequest) => ScriptedAnswer) => Promise<LocalServer>;

type Turns = { role: string; text: string }[];
const asRequest = (turns: Turns): ScriptedRequest => ({ messages: turns.map(({ role, text }) => ({ role, content: text })) });

/** Anthropic Messages: POST /v1/messages, `messages[].content` a string, the reply's `content[]` text blocks. */
export const anthropicServer: ProtocolServer = (script) =>
  startScriptedHttp({
    script,
    read: (body) => asRequest((JSON.parse(body) as { messages: { role: string; content: string }[] }).messages.map((m) => ({ role: m.role, text: m.content }))),
    write: (text) => ({ id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [{ type: 'text', text }], stop_reason: 'end_turn', usage: { input_tokens: 5, output_tokens: 2 } }),
  });

/** Bedrock Converse: POST /model/{modelId}/converse, `messages[].content[].text`, the reply's `output.message`. */
export const bedrockServer: ProtocolServer = (script) =>
  startScriptedHttp({
    script,
    read: (body) => asRequest((JSON.parse(body) as { messages: { role: string; content: { text: string }[] }[] }).messages.map((m) => ({ role: m.role, text: m.content.map((c) => c.text).join('') }))),
    write: (text) => ({ output: { message: { role: 'assistant', content: [{ text }] } }, stopReason: 'end_turn', usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 }, metrics: { latencyMs: 1 } }),
  });

/** Gemini: POST /v1beta/models/{model}:generateContent, `contents[]` with roles user/model, the reply's `candidates[]`. */
export const geminiServer: ProtocolServer = (script) =>
  startScriptedHttp({
    script,
    read: (body) => asRequest((JSON.parse(body) as { contents: { role: string; parts: { text: string }[] }[] }).contents.map((c) => ({ role: c.role === 'model' ? 'assistant' : c.role, text: c.parts.map((p) => p.text).join('') }))),
    write: (text) => ({ candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2 } }),
  });
