import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';

/** Where a page sits, for the navigation bar. */
export type PageContext = {
  /** The page title (escaped). */
  readonly title: string;
  /** The run the page is about, for run-level links. */
  readonly runId?: string;
  /** The reviewer name labels default to (the serving user), given to the page script. */
  readonly reviewer?: string;
};

/** Path of a run's pages (ids are encoded: a crafted id cannot leave its path segment). */
export const runPath = (runId: string): string => `/runs/${encodeURIComponent(runId)}`;

/** Path of one attempt's page: stable for the life of the run. */
export const attemptPath = (runId: string, seq: number): string => `${runPath(runId)}/attempts/${seq}`;

/**
 * A dashboard page: one stylesheet and one script, both from the server itself (the policy forbids every other load
 * and any inline script or style), a navigation bar, and the body.
 */
export function dashboardPage(context: PageContext, body: SafeHtml): string {
  const run = context.runId;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${context.title} · Redline</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body data-reviewer="${context.reviewer ?? ''}">
<nav class="top" aria-label="Dashboard"><a href="/" class="brand">Redline</a><a href="/">Runs</a><a href="/compare">Compare</a>${
  run === undefined ? null : html`<span class="sep">/</span><a href="${runPath(run)}"><code>${run}</code></a><a href="${runPath(run)}/attempts">Attempts</a><a href="${runPath(run)}/review">Review</a>`}</nav>
<main>
${body}
</main>
</body>
</html>
`.markup;
}
