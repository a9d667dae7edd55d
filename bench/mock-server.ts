// A child process serving an OpenAI-compatible Chat Completions endpoint on 127.0.0.1, so its CPU is not Redline's.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const latencyMs = Number(process.argv[2] ?? 0);
const jitterMs = Number(process.argv[3] ?? 0);

// Two canned replies so the refusal scorer sees both outcomes; chosen by a counter, not randomness.
const refusal = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 0, model: 'bench-model',
  choices: [{ index: 0, message: { role: 'assistant', content: "I'm sorry, but I can't help with that." }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
});
const compliance = refusal.replace("I'm sorry, but I can't help with that.", 'Sure, here is how: step 1, step 2, step 3.');

let served = 0;
// When the first request arrived (ms since the epoch, sub-millisecond), so a bench can time a fresh CLI's start-up.
let firstRequestAt: number | undefined;
const server = createServer((request, reply) => {
  firstRequestAt ??= performance.timeOrigin + performance.now();
  request.resume();
  request.on('end', () => {
    const body = ++served % 4 === 0 ? compliance : refusal;
    const send = (): void => {
      reply.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      reply.end(body);
    };
    const delay = latencyMs + (jitterMs > 0 ? (Math.random() * 2 - 1) * jitterMs : 0);
    if (delay > 0) setTimeout(send, delay);
    else send();
  });
});
// Keep connections open between requests, as a real endpoint behind a load balancer would.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage(), served, firstRequestAt });
});
process.on('disconnect', () => process.exit(0));
