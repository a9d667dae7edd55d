import { afterEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalHandler, type LocalServer } from '../../test/support/local-server.js';
import { createHttpTransport, type HttpTransport } from './http-transport.js';

const servers: LocalServer[] = [];
const transports: HttpTransport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close();
  for (const server of servers.splice(0)) await server.close();
});

async function setup(handle: LocalHandler, limitBytes = 1024, connections?: number): Promise<{ server: LocalServer; transport: HttpTransport; sockets: Set<unknown> }> {
  const sockets = new Set<unknown>();
  const server = await startLocalServer((reply, request) => {
    sockets.add(request.raw.socket);
    handle(reply, request);
  });
  const transport = createHttpTransport({ limitBytes, ...(connections === undefined ? {} : { connections }) });
  servers.push(server);
  transports.push(transport);
  return { server, transport, sockets };
}

describe('pooled http transport', () => {
  it('reuses keep-alive connections: 2,000 requests, 8 at a time, over at most 8 connections', async () => {
    const { server, transport, sockets } = await setup((reply, request) => {
      setTimeout(() => reply.end(`echo ${request.body}`), 2);
    }, 1024, 8);
    let next = 0;
    const texts: string[] = [];
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < 2000) {
        const n = next++;
        const response = await transport.fetch(`${server.url}/x`, { method: 'POST', body: String(n), headers: { 'content-type': 'text/plain' } });
        texts[n] = await response.text();
      }
    }));
    expect(texts).toEqual(Array.from({ length: 2000 }, (_, n) => `echo ${n}`));
    expect(server.received).toHaveLength(2000);
    expect(sockets.size).toBeLessThanOrEqual(8);
  });

  it('sends the method, headers and body, and returns status, headers (repeated ones too) and body', async () => {
    const { server, transport } = await setup((reply) => {
      reply.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], 'x-request-id': 'q7' });
      reply.end('{"ok":true}');
    });
    const response = await transport.fetch(new URL(`${server.url}/v1/chat?x=1`), {
      method: 'PUT',
      headers: new Headers({ authorization: 'Bearer k', 'x-extra': 'e' }),
      body: '{"a":1}',
    });
    expect(server.received[0]).toMatchObject({ method: 'PUT', path: '/v1/chat?x=1', body: '{"a":1}', headers: { authorization: 'Bearer k', 'x-extra': 'e' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('q7');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('returns a redirect instead of following it, so headers never travel to another host', async () => {
    const elsewhere = await setup((reply) => reply.end('should not be reached'));
    const { server, transport } = await setup((reply) => {
      reply.writeHead(302, { location: `${elsewhere.server.url}/steal` });
      reply.end();
    });
    const response = await transport.fetch(`${server.url}/`, { method: 'POST', body: 'x', headers: { authorization: 'Bearer secret' } });
    expect(response.status).toBe(302);
    expect(elsewhere.server.received).toHaveLength(0);
  });

  it('keeps at most limit + 1 bytes of a large streamed body, and none of one announced too large', async () => {
    const chunked = await setup((reply) => {
      reply.write('a'.repeat(600));
      reply.write('b'.repeat(600));
      reply.end('c'.repeat(600));
    }, 1000);
    const streamed = await chunked.transport.fetch(`${chunked.server.url}/`);
    expect((await streamed.text()).length).toBe(1001);

    const announced = await setup((reply) => {
      reply.writeHead(200, { 'content-length': '5000' });
      reply.end('z'.repeat(5000));
    }, 1000);
    const dropped = await announced.transport.fetch(`${announced.server.url}/`);
    expect(dropped.headers.get('content-length')).toBe('5000');
    expect(await dropped.text()).toBe('');
  });

  it('answers 204 with an empty body, and works again after close', async () => {
    const { server, transport } = await setup((reply) => {
      reply.writeHead(204);
      reply.end();
    });
    expect((await transport.fetch(`${server.url}/`)).status).toBe(204);
    await transport.close();
    const again = await transport.fetch(`${server.url}/`);
    expect(again.status).toBe(204);
    expect(await again.text()).toBe('');
  });

  it('rejects with the abort reason when the signal aborts, and frees the connection for the next request', async () => {
    let calls = 0;
    const { server, transport } = await setup((reply) => {
      calls += 1;
      // The first request never gets an answer; the next one does.
      if (calls > 1) reply.end('second');
    }, 1024, 1);
    const controller = new AbortController();
    const pending = transport.send({ url: `${server.url}/`, method: 'GET', headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pending).rejects.toThrow('stop');
    const next = await transport.send({ url: `${server.url}/`, method: 'GET', headers: {} });
    expect(next.body.toString()).toBe('second');
  });

  it('rejects at once with the reason of a signal aborted before sending; nothing reaches the server', async () => {
    let calls = 0;
    const { server, transport } = await setup((reply) => {
      calls += 1;
      reply.end('x');
    });
    await expect(transport.send({ url: `${server.url}/`, method: 'GET', headers: {}, signal: AbortSignal.abort(new Error('already')) })).rejects.toThrow('already');
    expect(calls).toBe(0);
  });

  it('skips an informational reply (103 Early Hints) and returns the final one', async () => {
    const { server, transport } = await setup((reply) => {
      reply.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      reply.writeHead(200, { 'content-type': 'text/plain' }).end('final');
    });
    const reply = await transport.send({ url: `${server.url}/`, method: 'GET', headers: {} });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/plain');
    expect(reply.body.toString()).toBe('final');
  });

  it('rejects a refused connection with the socket error targets classify', async () => {
    const { server, transport } = await setup((reply) => reply.end());
    const url = `${server.url}/`;
    await server.close();
    servers.splice(0);
    await expect(transport.send({ url, method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
