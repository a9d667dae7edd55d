import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';

/** How a run page names its attempts: by plan position, the number `redline attempt RUN SEQ` takes. */
export type AttemptLinks = {
  /** The run, for the command line a reader can paste. */
  readonly runId: string;
  /** Where an attempt's own page lives (a server passes `/runs/ID/attempts/SEQ`); without it numbers are plain text. */
  readonly attemptHref?: (seq: number) => string | undefined;
};

// A link may leave the page only for a path or an http(s) address: never javascript:, data: or another scheme.
const SAFE_HREF = /^(?:\/(?!\/)|\.{1,2}\/|[?#]|https?:\/\/)/i;

/** "attempt N", a link when the page has a safe address for it. */
export function attemptNumber(seq: number, links: AttemptLinks): SafeHtml {
  const href = links.attemptHref?.(seq);
  return href !== undefined && SAFE_HREF.test(href)
    ? html`<a class="attempt-no" href="${href}">attempt ${seq}</a>`
    : html`<span class="attempt-no">attempt ${seq}</span>`;
}

/** The command that shows an attempt in full. */
export function attemptCommand(seq: number, links: AttemptLinks): string {
  return `redline attempt ${links.runId} ${seq}`;
}
