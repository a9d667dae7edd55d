import type { AttemptFacets, AttemptFilter, AttemptListItem, FacetValue } from '../../core/attempt-query.js';
import type { Outcome, Persona } from '../../core/outcome.js';
import { EFFECTIVE_OUTCOME, REVIEW_JOIN } from './attempt-views.js';
import { run, type Pg } from './db.js';
import { eventLogs } from './event-log.js';
import { searchQuery } from './search-words.js';

type ListRow = {
  id: number; seq: number; goal: string; technique: string; chain: string; category: string; persona: Persona; trial: number;
  outcome: Outcome; machine: Outcome; decided: string | null; verdict: 'success' | 'failure' | null; error_kind: string | null; latency_ms: number;
};

/** Characters of prompt and reply a list row carries. */
const SNIPPET = 160;

/** SQL conditions for a filter (over `a` joined with REVIEW_JOIN and scorer `s`), their parameters appended to `params`. */
function conditions(filter: AttemptFilter, params: unknown[]): string {
  const parts: string[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) parts.push(`${column} = ${param(value)}`);
  };
  equal('t.name', filter.technique);
  equal('c.name', filter.chain);
  equal('a.category', filter.category);
  equal('a.persona', filter.persona);
  equal(EFFECTIVE_OUTCOME, filter.outcome);
  equal('a.error_kind', filter.errorKind);
  if (filter.decidedBy === 'none') parts.push('a.scorer_ref IS NULL');
  else equal('s.name', filter.decidedBy);
  if (filter.reviewed !== undefined) parts.push(filter.reviewed ? 'r.attempt_id IS NOT NULL' : 'r.attempt_id IS NULL');
  if (filter.minLatencyMs !== undefined) parts.push(`a.latency_ms >= ${param(filter.minLatencyMs)}`);
  if (filter.maxLatencyMs !== undefined) parts.push(`a.latency_ms <= ${param(filter.maxLatencyMs)}`);
  const text = filter.text === undefined ? undefined : searchQuery(filter.text);
  // The query is built from folded words, each quoted, and passed as a parameter: typed text is never SQL or tsquery syntax.
  if (text !== undefined) parts.push(`a.id IN (SELECT attempt_id FROM attempt_search WHERE words @@ ${param(text)}::tsquery)`);
  return parts.map((p) => ` AND ${p}`).join('');
}

/** A page of a run's attempts matching a filter, by keyset on plan position, in plan order. */
export async function queryAttempts(db: Pg, input: { runId: string; filter: AttemptFilter; afterSeq?: number; beforeSeq?: number; limit: number }): Promise<AttemptListItem[]> {
  const backwards = input.beforeSeq !== undefined;
  const params: unknown[] = [input.runId, backwards ? input.beforeSeq : input.afterSeq ?? -1, input.limit];
  const where = conditions(input.filter, params);
  const rows = await run<ListRow>(db, {
    action: `list attempts of run ${input.runId}`,
    sql: `SELECT a.id, a.seq, g.name AS goal, t.name AS technique, c.name AS chain, a.category, a.persona, a.trial,
                 ${EFFECTIVE_OUTCOME} AS outcome, a.outcome AS machine, s.name AS decided, r.verdict, a.error_kind, a.latency_ms
          FROM attempts a JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref
            JOIN components c ON c.ref = a.chain_ref LEFT JOIN components s ON s.ref = a.scorer_ref ${REVIEW_JOIN}
          WHERE a.run_id = $1 AND a.seq ${backwards ? '<' : '>'} $2${where}
          ORDER BY a.seq ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
    params,
  });
  if (backwards) rows.reverse();
  const snippets = await snippetsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    seq: r.seq, goalId: r.goal, technique: r.technique, chain: r.chain, category: r.category, persona: r.persona, trial: r.trial,
    outcome: r.outcome, machineOutcome: r.machine, latencyMs: r.latency_ms,
    ...(r.decided === null ? {} : { decidedBy: r.decided }),
    ...(r.verdict === null ? {} : { review: r.verdict }),
    ...(r.error_kind === null ? {} : { errorKind: r.error_kind }),
    prompt: snippets.get(r.id)?.prompt ?? '', reply: snippets.get(r.id)?.reply ?? '',
  }));
}

/** The first prompt (as written, before converters) and the last reply of each attempt (abandoned branches aside), cut short. */
async function snippetsOf(db: Pg, ids: readonly number[]): Promise<Map<number, { prompt: string; reply: string }>> {
  const out = new Map<number, { prompt: string; reply: string }>();
  for (const [id, log] of await eventLogs(db, { ids, types: ['message', 'conversion'] })) {
    const entry = { prompt: '', reply: '' };
    out.set(id, entry);
    for (const event of log) {
      if (event.type === 'conversion') {
        if (event.of === 'prompt' && entry.prompt === '') entry.prompt = event.before.slice(0, SNIPPET);
        continue;
      }
      if (event.type !== 'message' || event.pruned === true) continue;
      const text = event.parts.map((p) => ('text' in p ? p.text : '')).join(' ').slice(0, SNIPPET);
      if (event.role === 'assistant') entry.reply = text;
      else if (event.role === 'user' && entry.prompt === '') entry.prompt = text;
    }
  }
  return out;
}

type FacetRow = { technique: string; chain: string; category: string; persona: string; decided: string | null; n: number; success: number; failure: number; error: number; unscored: number; reviewed: number };

/** The values each filterable field takes in a run, with counts, from the run's tallies (no pass over its attempts). */
export async function attemptFacets(db: Pg, runId: string): Promise<AttemptFacets> {
  const action = `count the facets of run ${runId}`;
  const rows = await run<FacetRow>(db, {
    action,
    sql: `SELECT t.name AS technique, c.name AS chain, x.category, x.persona, s.name AS decided, x.success + x.failure + x.error + x.unscored AS n,
                 x.success, x.failure, x.error, x.unscored, x.reviewed
          FROM (SELECT technique_ref, chain_ref, scorer_ref, category, persona, SUM(success) AS success, SUM(failure) AS failure,
                       SUM(error) AS error, SUM(unscored) AS unscored, SUM(reviewed) AS reviewed
                FROM attempt_tallies WHERE run_id = $1 GROUP BY technique_ref, chain_ref, scorer_ref, category, persona) x
            JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref LEFT JOIN components s ON s.ref = x.scorer_ref`,
    params: [runId],
  });
  const tally = (pick: (row: FacetRow) => string | null): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = pick(row);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + row.n);
    }
    return sorted(counts);
  };
  const outcomes = new Map<string, number>();
  for (const row of rows) for (const outcome of ['success', 'failure', 'error', 'unscored'] as const) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + row[outcome]);
  const errorKinds = await run<FacetValue>(db, {
    action, sql: 'SELECT error_kind AS value, COUNT(*) AS count FROM attempts WHERE run_id = $1 AND error_kind IS NOT NULL GROUP BY error_kind', params: [runId],
  });
  return {
    technique: tally((r) => r.technique), chain: tally((r) => r.chain), category: tally((r) => r.category), persona: tally((r) => r.persona),
    outcome: sorted(new Map([...outcomes].filter(([, n]) => n > 0))), decidedBy: tally((r) => r.decided ?? 'none'),
    errorKind: sorted(new Map(errorKinds.map((e) => [e.value, e.count]))), reviewed: rows.reduce((n, r) => n + r.reviewed, 0),
  };
}

function sorted(counts: ReadonlyMap<string, number>): FacetValue[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => x.value.localeCompare(y.value));
}
