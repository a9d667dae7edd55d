import { replyJson, startLocalServer, type LocalServer } from './local-server.js';
import type { ScriptedAnswer, ScriptedRequest } from './target-conformance.js';

/** How the chat page behaves. */
export type ChatPageOptions = {
  /** Milliseconds before the reply bubble appears. */
  readonly delayMs?: number;
  /** Adds a `.done` mark after each finished reply. */
  readonly markDone?: boolean;
};

/**
 * A chat web page on 127.0.0.1 (GET /): a textarea `#prompt`, a button `#send`, replies as `.bot` bubbles typed out
 * four characters every 20 ms after a delay. Its inline script keeps the conversation and POSTs it to /answer, where
 * `script` decides the reply; silence leaves that request open.
 */
export function startChatPage(script: (request: ScriptedRequest) => ScriptedAnswer, options: ChatPageOptions = {}): Promise<LocalServer> {
  const page = `<!doctype html><html><head><title>Support chat</title></head><body>
<div id="log"></div><textarea id="prompt"></textarea><button id="send">Send</button>
<script>
const history = [];
const log = document.getElementById('log');
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
document.getElementById('send').addEventListener('click', async () => {
  const input = document.getElementById('prompt');
  const text = input.value;
  input.value = '';
  history.push({ role: 'user', content: text });
  const mine = document.createElement('div');
  mine.className = 'user';
  mine.textContent = text;
  log.append(mine);
  const answer = await fetch('/answer', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: history }) });
  const { reply } = await answer.json();
  await wait(${options.delayMs ?? 100});
  const bubble = document.createElement('div');
  bubble.className = 'bot';
  log.append(bubble);
  for (let end = 4; end < reply.length + 4; end += 4) {
    bubble.textContent = reply.slice(0, end);
    await wait(20);
  }
  history.push({ role: 'assistant', content: reply });
  ${options.markDone ? "const done = document.createElement('span'); done.className = 'done'; log.append(done);" : ''}
});
</script></body></html>`;
  return startLocalServer((reply, request) => {
    if (request.method === 'GET' && request.path !== '/') return replyJson(reply, { status: 404, body: 'not found' });
    if (request.method === 'GET') {
      reply.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void reply.end(page);
    }
    const answer = script(JSON.parse(request.body) as ScriptedRequest);
    if ('silent' in answer) return;
    if ('reset' in answer) return void request.raw.socket.destroy();
    if ('status' in answer) return replyJson(reply, { status: answer.status, body: { error: 'status' } });
    replyJson(reply, { body: { reply: answer.reply } });
  });
}
