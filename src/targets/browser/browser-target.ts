import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConfigError, TargetError } from '../../core/errors.js';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { expandEnvReferences } from '../env-reference.js';
import { expandHeaders } from '../header-templates.js';
import { createHeldConversations, type HeldConversations } from '../held-conversations.js';
import { httpStatusError, raceAbort, transportError, type FailureScope } from '../http-failure.js';
import { parseTargetOptions, parseTargetUrl } from '../parse-target-options.js';
import { replyLimitBytes } from '../read-reply.js';
import { browserTargetOptions, type BrowserTargetInput, type BrowserTargetOptions } from './browser-target-options.js';
import { sendOnPage } from './chat-page.js';
import { loadChromiumDriver } from './load-playwright.js';

/** A conversation's page, in a browser context of its own (its cookies and storage are not shared). */
type HeldPage = { readonly page: Page; readonly open: boolean; close(): void };

/** What every turn needs, fixed when the target is created; the browser is launched on first use. */
type BrowserPlan = {
  readonly options: BrowserTargetOptions;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly scope: FailureScope;
  readonly conversations: HeldConversations<HeldPage>;
  browser?: Promise<Browser>;
};

// Headless, no sandbox (containers run as root), nothing that phones home.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Creates a target that chats through a web page in the system Chromium: one page per conversation, closed on abort. */
export function createBrowserTarget(input: BrowserTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(browserTargetOptions, input, context);
  const expanded = expandEnvReferences(options.url, { context, path: 'target.url' });
  const url = parseTargetUrl(expanded.value, { context, path: 'target.url' });
  if (!existsSync(options.executablePath)) {
    throw new ConfigError(`target.executablePath: no browser at ${options.executablePath}`, {
      file: context.configFile, path: 'target.executablePath', hint: 'install Chromium (Debian: apt-get install chromium) or set executablePath to its binary',
    });
  }
  const headers = expandHeaders(options.headers, context);
  const id = options.id ?? `browser:${options.url.replace(/^https?:\/\//i, '').split(/[?#]/)[0]}`;
  const plan: BrowserPlan = {
    options, url, headers: headers.value,
    scope: { targetId: id, secrets: [...expanded.secrets, ...headers.secrets] },
    conversations: createHeldConversations<HeldPage>({ limit: Math.max(8, 2 * (context.connections ?? 4)), history: 'server' }),
  };
  return {
    id,
    // The page keeps the conversation; only the new user turn is typed into it.
    capabilities: { multiTurn: true, systemPrompt: false, documents: false, network: true },
    simulated: false,
    send: (request, signal) => raceAbort(plan.scope, { promise: exchange(plan, { request, signal }), signal }),
    close: async () => {
      plan.conversations.clear();
      const browser = plan.browser;
      plan.browser = undefined;
      await browser?.then((open) => open.close()).catch(() => undefined);
    },
  };
}

async function exchange(plan: BrowserPlan, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { request, signal } = call;
  const turn = plan.conversations.begin(request);
  let held: HeldPage | undefined = turn.connection;
  // An abort (the engine's timeout, Ctrl-C) closes the page at once, whatever the page was doing.
  const onAbort = (): void => held?.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    held ??= await openPage(plan, signal);
    const prompt = [...request.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
    const { selectors, settleMs } = plan.options;
    const text = await sendOnPage(held.page, { prompt, selectors, settleMs, limitChars: replyLimitBytes, scope: plan.scope, signal });
    plan.conversations.settle(request, { connection: held, reply: text });
    return turn.restarted ? { text, metadata: { sessionRestarted: true } } : { text };
  } catch (error) {
    held?.close();
    plan.conversations.drop(request);
    throw signal.aborted ? signal.reason : pageFailure(plan.scope, error);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Opens the chat page in a fresh browser context; an HTTP error status of the page fails like the http target's. */
async function openPage(plan: BrowserPlan, signal: AbortSignal): Promise<HeldPage> {
  const browser = await (plan.browser ??= launch(plan));
  const context: BrowserContext = await browser.newContext({ extraHTTPHeaders: { ...plan.headers } });
  const page = await context.newPage();
  // Typing and clicking wait this long for their element: long enough for a page that renders late, short enough to
  // report a wrong selector instead of hanging until the engine's timeout.
  page.setDefaultTimeout(5_000);
  const held: HeldPage = { page, get open() { return !page.isClosed(); }, close: () => void context.close().catch(() => undefined) };
  if (signal.aborted) {
    held.close();
    throw signal.reason;
  }
  const response = await page.goto(plan.url.href, { timeout: 0 }).catch((error: unknown) => {
    held.close();
    throw error;
  });
  if (response !== null && response.status() >= 400) {
    held.close();
    throw httpStatusError(plan.scope, { status: response.status(), headers: { get: (name) => response.headers()[name.toLowerCase()] ?? null }, nowMs: Date.now() });
  }
  return held;
}

async function launch(plan: BrowserPlan): Promise<Browser> {
  const chromium = await loadChromiumDriver(plan.scope.targetId);
  return chromium.launch({ executablePath: plan.options.executablePath, headless: true, args: chromiumArgs }).catch((error: unknown) => {
    plan.browser = undefined;
    throw new TargetError(`could not start the browser at ${plan.options.executablePath}: ${(error as Error).message.split('\n')[0]}`, {
      targetId: plan.scope.targetId, kind: 'unavailable', retryable: false, cause: error,
    });
  });
}

/** Playwright's navigation failures (net::ERR_…) are network failures; TargetErrors pass through. */
function pageFailure(scope: FailureScope, error: unknown): unknown {
  if (error instanceof TargetError) return error;
  const message = (error as Error | undefined)?.message ?? '';
  if (/net::ERR_|Target page, context or browser has been closed|browser has disconnected/i.test(message)) {
    return new TargetError(`network failure: ${message.split('\n')[0]}`, { targetId: scope.targetId, kind: 'network', retryable: true, cause: error });
  }
  return transportError(scope, error);
}
