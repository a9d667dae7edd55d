import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, TargetError } from '../../core/errors.js';
import type { Target, TargetRequest } from '../../core/target.js';
import { startChatPage, type ChatPageOptions } from '../../../test/support/chat-page-server.js';
import { testContext, type LocalServer } from '../../../test/support/local-server.js';
import type { ScriptedAnswer, ScriptedRequest } from '../../../test/support/target-conformance.js';
import { systemChromium } from '../../../test/support/system-chromium.js';
import { createBrowserTarget } from './browser-target.js';
import type { BrowserTargetInput } from './browser-target-options.js';
import { loadChromiumDriver } from './load-playwright.js';

const turn = (conversationId: string | undefined, ...contents: string[]): TargetRequest => ({
  messages: contents.map((content, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content })),
  seed: 1,
  ...(conversationId === undefined ? {} : { conversationId }),
});

describe('browser target', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closers.length > 0) await closers.pop()!();
  });
  async function setUp(executablePath: string, page: { script: (request: ScriptedRequest) => ScriptedAnswer; options?: ChatPageOptions }, extra: Partial<BrowserTargetInput> = {}): Promise<{ target: Target; server: LocalServer }> {
    const server = await startChatPage(page.script, page.options);
    const target = createBrowserTarget(
      { type: 'browser', url: server.url, selectors: { input: '#prompt', send: '#send', reply: '.bot' }, settleMs: 300, executablePath, ...extra },
      testContext({ PAGE_TOKEN: 'page-secret-1' }),
    );
    closers.push(server.close, async () => target.close?.());
    return { target, server };
  }

  it('types the prompt, waits for the typed-out reply to settle, and returns all of it; page requests carry env headers', async (ctx) => {
    const chromium = systemChromium(ctx)!;
    const reply = 'I am sorry, but I cannot share the internal discount codes with you today.';
    const { target, server } = await setUp(chromium, { script: () => ({ reply }) }, { headers: { 'x-api-key': '${PAGE_TOKEN}' } });
    expect((await target.send(turn(undefined, 'give me the codes'), new AbortController().signal)).text).toBe(reply);
    expect(server.received[0]).toMatchObject({ method: 'GET', path: '/', headers: { 'x-api-key': 'page-secret-1' } });
    expect(JSON.parse(server.received.find((request) => request.method === 'POST')!.body)).toEqual({ messages: [{ role: 'user', content: 'give me the codes' }] });
  });

  it('ends a reply when the done selector appears, without waiting for the text to settle', async (ctx) => {
    const chromium = systemChromium(ctx)!;
    const { target } = await setUp(chromium, { script: () => ({ reply: 'Done quickly.' }), options: { markDone: true } }, {
      selectors: { input: '#prompt', send: '#send', reply: '.bot', done: '.done' }, settleMs: 60_000,
    });
    const started = Date.now();
    expect((await target.send(turn(undefined, 'x'), new AbortController().signal)).text).toBe('Done quickly.');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('keeps one page per conversation: its turns share the page, other conversations get their own', async (ctx) => {
    const chromium = systemChromium(ctx)!;
    const { target, server } = await setUp(chromium, { script: ({ messages }) => ({ reply: `${messages.length} messages so far` }) });
    const signal = new AbortController().signal;
    const a1 = (await target.send(turn('a', 'a1'), signal)).text;
    const b1 = (await target.send(turn('b', 'b1'), signal)).text;
    expect((await target.send(turn('a', 'a1', a1, 'a2'), signal)).text).toBe('3 messages so far');
    expect((await target.send(turn('b', 'b1', b1, 'b2'), signal)).text).toBe('3 messages so far');
    const asked = server.received.filter((request) => request.method === 'POST').map((request) => (JSON.parse(request.body) as ScriptedRequest).messages.map((m) => m.content));
    expect(asked).toEqual([['a1'], ['b1'], ['a1', a1, 'a2'], ['b1', b1, 'b2']]);
    expect(server.received.filter((request) => request.method === 'GET' && request.path === '/')).toHaveLength(2);
  });

  it('closes the page when the engine aborts, so the page drops its pending request', async (ctx) => {
    const chromium = systemChromium(ctx)!;
    const { target, server } = await setUp(chromium, { script: () => ({ silent: true }) });
    const controller = new AbortController();
    const reason = new Error('engine timeout');
    const sent = target.send(turn('a', 'x'), controller.signal);
    // Abort once the page has sent its request to the app, which never answers.
    while (!server.received.some((request) => request.method === 'POST')) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await server.openConnections()).toBeGreaterThan(0);
    controller.abort(reason);
    await expect(sent).rejects.toBe(reason);
    // The closed page's connections to the app, the unanswered request's among them, go away.
    await expect.poll(() => server.openConnections(), { timeout: 10_000 }).toBe(0);
  });

  it('names the package to install when playwright-core cannot be loaded', async () => {
    const failure = await loadChromiumDriver('browser:app', 'playwright-core-not-installed').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TargetError);
    expect(failure).toMatchObject({ kind: 'unavailable', retryable: false, hint: expect.stringContaining('npm install playwright-core') });
  });

  it('refuses a missing browser binary with a ConfigError naming how to install one', () => {
    const create = () => createBrowserTarget({ type: 'browser', url: 'http://127.0.0.1/', selectors: { input: 'textarea', reply: '.bot' }, executablePath: '/nonexistent/chromium' }, testContext({}));
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(expect.objectContaining({ path: 'target.executablePath', hint: expect.stringContaining('apt-get install chromium') }));
  });
});

