import type { Page } from 'playwright-core';
import { abortReason, badResponseError, type FailureScope } from '../http-failure.js';

/** How the page is driven: where to type, what to click, where replies appear and when one is finished. */
export type PageSelectors = {
  /** The prompt field. */
  readonly input: string;
  /** The send button; Enter in the input when absent. */
  readonly send?: string;
  /** Every reply element; the last one is the reply. */
  readonly reply: string;
  /** An element that appears once per finished reply. */
  readonly done?: string;
};

/** One turn on a page: the prompt, how to read the reply, and the signal that ends the wait. */
export type PageTurn = {
  readonly prompt: string;
  readonly selectors: PageSelectors;
  /** Milliseconds the reply text must stay unchanged, when no `done` selector says it is finished. */
  readonly settleMs: number;
  /** Longest reply text, in characters. */
  readonly limitChars: number;
  readonly scope: FailureScope;
  readonly signal: AbortSignal;
};

const pollMs = 50;

/**
 * Types the prompt, sends it, and waits for a new reply element to appear and finish: its text unchanged for
 * `settleMs`, or one more `done` element than before. Waits as long as the signal allows (the engine owns timeouts).
 */
export async function sendOnPage(page: Page, turn: PageTurn): Promise<string> {
  const { selectors, scope, signal } = turn;
  const replies = page.locator(selectors.reply);
  const doneMarks = selectors.done === undefined ? undefined : page.locator(selectors.done);
  const before = await replies.count();
  const doneBefore = (await doneMarks?.count()) ?? 0;
  await page.locator(selectors.input).fill(turn.prompt).catch((error: unknown) => missing(scope, { option: 'selectors.input', error }));
  const send = selectors.send === undefined ? page.locator(selectors.input).press('Enter') : page.locator(selectors.send).click();
  await send.catch((error: unknown) => missing(scope, { option: selectors.send === undefined ? 'selectors.input' : 'selectors.send', error }));
  let last: string | undefined;
  let stableSince = Date.now();
  for (;;) {
    await pause(pollMs, { scope, signal });
    const count = await replies.count();
    if (count <= before) continue;
    const text = await replies.nth(count - 1).innerText();
    if (text.length > turn.limitChars) throw badResponseError(scope, `reply longer than ${turn.limitChars} characters`);
    if (doneMarks !== undefined) {
      // Read the text again once done: it may have grown since it was read above.
      if ((await doneMarks.count()) > doneBefore) return replies.nth(count - 1).innerText();
      continue;
    }
    if (text !== last) {
      last = text;
      stableSince = Date.now();
    } else if (text !== '' && Date.now() - stableSince >= turn.settleMs) {
      return text;
    }
  }
}

/** A field or button that is not on the page is a configuration problem: trying again will not help. */
function missing(scope: FailureScope, found: { option: string; error: unknown }): never {
  const detail = (found.error as Error).message.split('\n')[0] ?? '';
  throw badResponseError(scope, `target.${found.option} found nothing usable on the page (${detail})`);
}

function pause(ms: number, during: { scope: FailureScope; signal: AbortSignal }): Promise<void> {
  const { scope, signal } = during;
  if (signal.aborted) return Promise.reject(abortReason(scope, signal));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = (): void => (clearTimeout(timer), reject(abortReason(scope, signal)));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
