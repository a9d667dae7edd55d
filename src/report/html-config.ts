import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';
import { shownConfig } from './shown-config.js';

/** The run's configuration as stored, credentials redacted, folded; nothing when the caller gave none. */
export function configSection(config: unknown): SafeHtml | null {
  if (config === undefined) return null;
  return html`<section><h2>Configuration</h2><p>As stored with the run; secrets are referenced by environment variable name and never stored, and any credential-like value is redacted.</p>
<details><summary>Show the configuration</summary><pre>${JSON.stringify(shownConfig(config), null, 2)}</pre></details></section>`;
}
