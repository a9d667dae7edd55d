import { REPORT_STYLE } from './html-styles.js';
import { html } from './html-template.js';
import { renderRunPage, type HtmlReportInput } from './run-page.js';

export type { HtmlReportInput } from './run-page.js';

/**
 * Renders the run page as one self-contained HTML document: inline CSS, no scripts, no external loads, all text
 * escaped; attempt numbers are plain text (the file has nowhere to link them).
 */
export function renderHtml(input: HtmlReportInput): string {
  // The policy forbids every load and every script, so even a missed escape could not call out.
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Redline run ${input.summary.runId}</title>
${REPORT_STYLE}
</head>
<body><main>
${renderRunPage({ summary: input.summary, examples: input.examples, ...(input.outcome === undefined ? {} : { outcome: input.outcome }), ...(input.errors === undefined ? {} : { errors: input.errors }), ...(input.config === undefined ? {} : { config: input.config }) })}
</main></body>
</html>
`;
  return document.markup;
}
