import { html } from './html-template.js';

/** The report's only styling: one inline style block, no external fonts or images. */
export const REPORT_STYLE = html`<style>
:root { color-scheme: light dark; --fg: #1d1f23; --muted: #5c6370; --bg: #ffffff; --line: #d9dce1; --bar: #aeb6c2;
  --warn-bg: #fff4ce; --warn-fg: #5c4400; --hit: #b3261e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --muted: #a0a6b0; --bg: #16181c; --line: #353a42;
  --bar: #5a6270; --warn-bg: #3d3200; --warn-fg: #ffe28a; --hit: #ff8a80; } }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.banner { margin: 16px 0; padding: 12px 16px; border-radius: 6px; border: 1px solid var(--line); }
.banner.simulated { background: var(--warn-bg); color: var(--warn-fg); border: 2px solid currentColor; font-size: 1.05rem; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 6px 8px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
th { font-size: .8rem; color: var(--muted); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id { overflow-wrap: anywhere; }
.tag { font-size: .75em; padding: 0 4px; border: 1px solid currentColor; border-radius: 3px; white-space: nowrap; }
.ci { position: relative; display: inline-block; width: 120px; height: 12px; vertical-align: middle;
  background: linear-gradient(var(--line), var(--line)) 0 50% / 100% 1px no-repeat; }
.ci-range { position: absolute; top: 2px; height: 8px; background: var(--bar); border-radius: 2px; }
.ci-point { position: absolute; top: 0; width: 2px; height: 12px; margin-left: -1px; background: var(--fg); }
.ci-text { margin-left: 6px; color: var(--muted); font-size: .85em; white-space: nowrap; }
tr.examples > td { padding: 0 8px 8px 24px; }
details > summary { cursor: pointer; color: var(--muted); }
details.attempt { margin: 6px 0; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; }
details.attempt > summary { color: var(--fg); }
.outcome-success { color: var(--hit); font-weight: 600; }
.turn { margin: 8px 0; padding: 2px 10px; border-left: 3px solid var(--line); }
.turn.assistant { border-left-color: var(--bar); }
.turn.attacker { border-left-color: #b45309; background: #fffbeb; }
details.pruned { margin: 6px 0 6px 12px; opacity: 0.8; }
details.pruned > summary { color: #6b7280; font-size: 0.9em; }
.role { font-size: .75rem; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
.turn pre, .goal-text { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
ul.scores { margin: 4px 0; padding-left: 20px; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
</style>`;
