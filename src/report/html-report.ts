import { REPORT_STYLE } from './html-styles.js';
import { html, type SafeHtml } from './html-template.js';
import { ablationSection, type AblationInput } from './dashboard/ablation-section.js';
import { renderRunPage, type HtmlReportInput } from './run-page.js';

export type { HtmlReportInput } from './run-page.js';

/**
 * One self-contained HTML document: inline CSS, no scripts, no external loads, all text escaped. The policy forbids
 * every load and every script, so even a missed escape could not call out.
 */
export function standaloneDocument(input: { readonly title: string; readonly body: SafeHtml }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title}</title>
${REPORT_STYLE}
</head>
<body><main>
${input.body}
</main></body>
</html>
`.markup;
}

/** Renders the run page as one standalone document; attempt numbers are plain text (the file has nowhere to link them). */
export function renderHtml(input: HtmlReportInput): string {
  return standaloneDocument({
    title: `Redline run ${input.summary.runId}`,
    body: renderRunPage({ summary: input.summary, examples: input.examples, ...(input.outcome === undefined ? {} : { outcome: input.outcome }), ...(input.errors === undefined ? {} : { errors: input.errors }), ...(input.config === undefined ? {} : { config: input.config }) }),
  });
}

/** The defense ablation as one standalone document (`redline defend --html FILE`). */
export function renderDefenseHtml(ablation: AblationInput): string {
  return standaloneDocument({ title: `Redline defense ablation of ${ablation.arms.map((a) => a.runId).join(', ')}`, body: ablationSection(ablation) });
}
