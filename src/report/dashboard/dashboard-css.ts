/** Styles of the dashboard beyond the report's own (served as one file with them). */
export const DASHBOARD_CSS = `
nav.top { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: baseline; padding: 10px 24px; border-bottom: 1px solid var(--line); }
nav.top a { color: var(--fg); text-decoration: none; }
nav.top a:hover, nav.top a:focus { text-decoration: underline; }
nav.top .brand { font-weight: 700; }
nav.top .sep { color: var(--muted); }
.scroll { overflow-x: auto; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; margin: 12px 0; }
form.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
form.filters input, form.filters select, form.filters button { font: inherit; font-size: .9rem; }
form.filters input[type=search] { min-width: 16em; }
.pager { display: flex; gap: 16px; margin: 12px 0; }
.snippet { display: block; max-width: 36em; color: var(--muted); font-size: .85em; overflow-wrap: anywhere; }
.badge { font-size: .8em; padding: 0 6px; border-radius: 8px; border: 1px solid var(--line); white-space: nowrap; }
.badge.success { color: var(--hit); border-color: currentColor; font-weight: 600; }
.badge.error { color: var(--warn-fg); background: var(--warn-bg); }
.event { margin: 8px 0; padding: 4px 10px; border-left: 3px solid var(--line); }
.event.message.assistant { border-left-color: var(--bar); }
.event.score.deciding { border-left-color: var(--hit); }
.event pre { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.review-layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 24px; }
@media (max-width: 800px) { .review-layout { grid-template-columns: 1fr; } }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; align-self: start; }
.panel h2 { margin-top: .25rem; }
.keys button { font: inherit; margin: 4px 4px 0 0; padding: 4px 10px; }
.labeled-yes { color: var(--hit); font-weight: 600; }
kbd { font-family: ui-monospace, monospace; font-size: .85em; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
dialog#help { max-width: 28em; }
.status-live { font-variant-numeric: tabular-nums; }
svg.spark { vertical-align: middle; }
svg.spark polyline { fill: none; stroke: currentColor; stroke-width: 1.5; }
.flash { margin: 8px 0; padding: 6px 10px; border-radius: 6px; background: var(--warn-bg); color: var(--warn-fg); }
`;
