import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';

/** A wide table in a wrapper that scrolls sideways on a narrow screen, so the page itself never does. */
export function scrolling(table: SafeHtml): SafeHtml {
  return html`<div class="scroll">${table}</div>`;
}
