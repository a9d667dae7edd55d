import { SafeHtml } from './html-template.js';

/**
 * The run page's whole stylesheet, as plain CSS: the file report inlines it in a `<style>` block, a server serves it
 * as a file (its policy allows `style-src 'self'`). The page never uses a `style` attribute; colours are classes.
 */
export const REPORT_CSS = `:root { color-scheme: light dark; --fg: #1d1f23; --muted: #5c6370; --bg: #ffffff; --line: #d9dce1; --bar: #aeb6c2;
  --warn-bg: #fff4ce; --warn-fg: #5c4400; --hit: #b3261e; --attacker-bg: #fffbeb;
  --s0: #2563eb; --s1: #d97706; --s2: #059669; --s3: #c026d3; --s4: #dc2626; --s5: #475569;
  --h0: #f3f5f8; --h1: #fdeee9; --h2: #fbd9ce; --h3: #f8c2b0; --h4: #f3a58d; --h5: #ec866b; --h6: #df654d; --h7: #cc4634; --h8: #b22d22; --h9: #8f1a14; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --muted: #a0a6b0; --bg: #16181c; --line: #353a42;
  --bar: #5a6270; --warn-bg: #3d3200; --warn-fg: #ffe28a; --hit: #ff8a80; --attacker-bg: #2a2410;
  --s0: #7aa2ff; --s1: #f5a524; --s2: #34d399; --s3: #e879f9; --s4: #f87171; --s5: #a3acb9;
  --h0: #22262c; --h1: #35241f; --h2: #4a2921; --h3: #5e2d23; --h4: #733025; --h5: #873326; --h6: #9c3527; --h7: #b13828; --h8: #c73b29; --h9: #dd3e2a; } }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
@media (max-width: 600px) { main { padding: 12px; } body { font-size: 14px; } }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
p, li, dd, summary { overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
dl.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 16px; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.banner { margin: 16px 0; padding: 12px 16px; border-radius: 6px; border: 1px solid var(--line); }
.banner.simulated { background: var(--warn-bg); color: var(--warn-fg); border: 2px solid currentColor; font-size: 1.05rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 6px 8px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
th { font-size: .8rem; color: var(--muted); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id { overflow-wrap: anywhere; min-width: 8em; }
.tag { font-size: .75em; padding: 0 4px; border: 1px solid currentColor; border-radius: 3px; white-space: nowrap; }
.ci { display: inline-block; width: 120px; height: 12px; vertical-align: middle; }
.ci-axis { fill: var(--line); }
.ci-range { fill: var(--bar); }
.ci-point { fill: var(--fg); }
.ci-text { margin-left: 6px; color: var(--muted); font-size: .85em; white-space: nowrap; }
.corrected { color: var(--muted); font-size: .85em; white-space: nowrap; }
.sev { font-size: .8em; font-weight: 600; padding: 0 6px; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; }
.sev-critical { color: var(--bg); background: var(--h9); border-color: var(--h9); }
.sev-important { color: var(--bg); background: var(--h7); border-color: var(--h7); }
.sev-moderate { color: var(--fg); background: var(--h4); border-color: var(--h4); }
.sev-low { color: var(--fg); background: var(--h2); border-color: var(--h2); }
.sev-none { color: var(--muted); }
.gate-failed { color: var(--hit); font-weight: 600; }
table.heat td.heat, table.heat td.heat-none { text-align: center; white-space: nowrap; min-width: 4.5em; }
table.heat td.heat small { display: block; font-size: .75em; opacity: .85; }
.heat-na { background: var(--h0); color: var(--muted); }
.heat-0 { background: var(--h0); } .heat-1 { background: var(--h1); } .heat-2 { background: var(--h2); } .heat-3 { background: var(--h3); }
.heat-4 { background: var(--h4); } .heat-5 { background: var(--h5); } .heat-6 { background: var(--h6); color: #fff; }
.heat-7 { background: var(--h7); color: #fff; } .heat-8 { background: var(--h8); color: #fff; } .heat-9 { background: var(--h9); color: #fff; }
td.heat-none { color: var(--muted); }
ul.heat-legend { display: flex; flex-wrap: wrap; gap: 2px; list-style: none; padding: 0; margin: 6px 0; font-size: .75em; }
ul.heat-legend li { padding: 1px 6px; border-radius: 2px; }
svg.chart { display: block; width: 100%; max-width: 520px; height: auto; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
svg.chart text { fill: var(--muted); font-size: 11px; font-family: system-ui, sans-serif; }
svg.chart polyline { fill: none; stroke-width: 2; }
.s0 { stroke: var(--s0); fill: var(--s0); } .s1 { stroke: var(--s1); fill: var(--s1); } .s2 { stroke: var(--s2); fill: var(--s2); }
.s3 { stroke: var(--s3); fill: var(--s3); } .s4 { stroke: var(--s4); fill: var(--s4); } .s5 { stroke: var(--s5); fill: var(--s5); }
svg.chart polyline.s0, svg.chart polyline.s1, svg.chart polyline.s2, svg.chart polyline.s3, svg.chart polyline.s4, svg.chart polyline.s5 { fill: none; }
ul.legend { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: .85em; }
.swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; }
.swatch.s0 { background: var(--s0); } .swatch.s1 { background: var(--s1); } .swatch.s2 { background: var(--s2); }
.swatch.s3 { background: var(--s3); } .swatch.s4 { background: var(--s4); } .swatch.s5 { background: var(--s5); }
.cell-examples { margin: 4px 0 8px; }
details > summary { cursor: pointer; color: var(--muted); }
details.attempt { margin: 6px 0; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; }
details.attempt > summary { color: var(--fg); }
.command { margin: 4px 0; color: var(--muted); font-size: .8rem; overflow-wrap: anywhere; }
.attempt-no { font-variant-numeric: tabular-nums; font-weight: 600; }
.outcome-success { color: var(--hit); font-weight: 600; }
.turn { margin: 8px 0; padding: 2px 10px; border-left: 3px solid var(--line); }
.turn.assistant { border-left-color: var(--bar); }
.turn.attacker { border-left-color: #b45309; background: var(--attacker-bg); }
details.pruned { margin: 6px 0 6px 12px; opacity: 0.8; }
details.pruned > summary { color: #6b7280; font-size: 0.9em; }
.role { font-size: .75rem; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
pre, .goal-text { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
ul.scores, ul.examples { margin: 4px 0; padding-left: 20px; }
.narrow-only { display: none; }
@media (max-width: 600px) {
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { padding: 6px 0; border-bottom: 1px solid var(--line); }
  table.stack td { border: 0; padding: 2px 4px; text-align: left; }
  table.stack td.lead { font-weight: 600; }
  table.stack td.num, table.stack td.inline { display: inline-block; width: auto; margin-right: 10px; }
  table.stack td.rate { font-weight: 600; }
  table.stack td[data-label]::before { content: attr(data-label) " "; color: var(--muted); font-size: .8rem; font-weight: normal; }
  table.stack td.id[data-label]::before { display: inline-block; min-width: 5.5em; }
  table.stack .wide-only { display: none; }
  table.stack .narrow-only { display: inline; }
}
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
`;

/** The stylesheet as one inline `<style>` block, for the self-contained file report. */
export const REPORT_STYLE = new SafeHtml(`<style>\n${REPORT_CSS}</style>`);
