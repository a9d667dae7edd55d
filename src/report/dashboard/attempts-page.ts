import type { AttemptFacets, AttemptFilter, AttemptListItem, FacetValue } from '../../core/attempt-query.js';
import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { attemptPath, dashboardPage, runPath } from './layout.js';
import { outcomeBadge } from './rate-text.js';

/** What the attempts page shows: one keyset page of a filtered run. */
export type AttemptsPageInput = {
  /** The run. */
  readonly runId: string;
  /** The filter applied. */
  readonly filter: AttemptFilter;
  /** The filter as query-string pairs, to carry into links. */
  readonly query: readonly (readonly [string, string])[];
  /** The page's attempts, in plan order. */
  readonly items: readonly AttemptListItem[];
  /** True when attempts matching the filter come after this page. */
  readonly hasNext: boolean;
  /** True when attempts matching the filter come before it. */
  readonly hasPrevious: boolean;
  /** The values each field takes in the run. */
  readonly facets: AttemptFacets;
  /** Reviewer name for the page script. */
  readonly reviewer?: string;
};

const FACETS: readonly { key: keyof Omit<AttemptFacets, 'reviewed'>; label: string }[] = [
  { key: 'technique', label: 'technique' }, { key: 'chain', label: 'chain' }, { key: 'category', label: 'category' },
  { key: 'persona', label: 'persona' }, { key: 'outcome', label: 'outcome' }, { key: 'decidedBy', label: 'decided by' }, { key: 'errorKind', label: 'error kind' },
];

function select(name: string, label: string, values: readonly FacetValue[], chosen: string | undefined): SafeHtml {
  return html`<label>${label}<select name="${name}"><option value="">any</option>${values.map((v) => html`<option value="${v.value}" ${v.value === chosen ? 'selected' : ''}>${v.value} (${v.count})</option>`)}</select></label>`;
}

/** Query string of a filter plus extra pairs. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  const params = new URLSearchParams();
  for (const [key, value] of pairs) params.append(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The attempts page: facet filters, full-text search, a keyset page of rows, export links. */
export function attemptsPage(input: AttemptsPageInput): string {
  const { filter, facets, items } = input;
  const base = `${runPath(input.runId)}/attempts`;
  const chosen = (key: string) => (filter as Record<string, unknown>)[key] as string | undefined;
  const form = html`<form class="filters" method="get" action="${base}" role="search">
${FACETS.map((f) => select(f.key, f.label, facets[f.key], chosen(f.key)))}
<label>reviewed<select name="reviewed"><option value="">any</option><option value="yes" ${filter.reviewed === true ? 'selected' : ''}>yes (${facets.reviewed})</option><option value="no" ${filter.reviewed === false ? 'selected' : ''}>no</option></select></label>
<label>latency ≥ ms<input type="number" name="minLatency" min="0" value="${filter.minLatencyMs ?? ''}" size="6"></label>
<label>latency ≤ ms<input type="number" name="maxLatency" min="0" value="${filter.maxLatencyMs ?? ''}" size="6"></label>
<label>words in prompts or replies<input type="search" name="q" value="${filter.text ?? ''}" placeholder="e.g. password"></label>
<button type="submit">Filter</button> <a href="${base}">clear</a>
</form>`;
  const rows = items.map((a) => html`<tr>
<td class="num"><a href="${attemptPath(input.runId, a.seq)}">${a.seq}</a></td>
<td>${outcomeBadge(a.outcome)}${a.review === undefined ? null : html` <small title="reviewed; the machine said ${a.machineOutcome}">✔ reviewed</small>`}</td>
<td class="id"><code>${a.technique}</code><br><small><code>${a.chain}</code></small></td>
<td class="id">${a.category}<br><small>${a.persona}</small></td>
<td class="id"><code>${a.goalId}</code> <small>trial ${a.trial}</small></td>
<td><small>${a.decidedBy ?? a.errorKind ?? '—'}</small></td>
<td class="num">${Math.round(a.latencyMs)}</td>
<td><span class="snippet">→ ${a.prompt}</span><span class="snippet">← ${a.reply}</span></td>
</tr>`);
  const carry = input.query;
  const pager = html`<div class="pager">${input.hasPrevious && items.length > 0 ? html`<a rel="prev" href="${base}${queryString([...carry, ['before', String(items[0]!.seq)]])}">← previous</a>` : null}${
    input.hasNext && items.length > 0 ? html`<a rel="next" href="${base}${queryString([...carry, ['after', String(items.at(-1)!.seq)]])}">next →</a>` : null}
<span class="ci-text">export this filter: <a href="${base}.jsonl${queryString(carry)}" download>JSONL</a> · <a href="${base}.csv${queryString(carry)}" download>CSV</a></span></div>`;
  const body = html`<h1>Attempts of <code>${input.runId}</code></h1>
${form}
${pager}
${items.length === 0 ? html`<p id="no-attempts">No attempts match this filter.</p>` : html`<div class="scroll"><table id="attempts"><thead><tr><th class="num">#</th><th>outcome</th><th>technique · chain</th><th>category · persona</th><th>goal</th><th>decided by / error</th><th class="num">ms</th><th>prompt → reply</th></tr></thead><tbody>
${rows}</tbody></table></div>`}
${pager}`;
  return dashboardPage({ title: `Attempts of ${input.runId}`, runId: input.runId, ...(input.reviewer === undefined ? {} : { reviewer: input.reviewer }) }, body);
}
