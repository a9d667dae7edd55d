import { sanitizeTerminal } from './sanitize-terminal.js';

/** Escapes outside text for Markdown: it may not become markup, links, images, mentions or table cells. */
export function escapeMarkdown(text: string): string {
  return sanitizeTerminal(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()|~!@#{}]/g, '\\$&');
}
