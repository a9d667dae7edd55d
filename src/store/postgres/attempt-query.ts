import type { AttemptFacets, AttemptFilter, AttemptListItem, FacetValue } from '../../core/attempt-query.js';
import { facetsFromTallies, type FacetTallyRow } from '../facets-from-tallies.js';
import { attemptListItem, type AttemptListRow } from '../attempt-list-item.js';
import { attemptSnippet } from '../attempt-snippet.js';
import { EFFECTIVE_OUTCOME, REVIEW_JOIN } from './attempt-views.js';
import { run, type Pg } from './db.js';
import { eventLogs } from './event-log.js';
import { searchQuery } from './search-words.js';

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
  const rows = await run<AttemptListRow>(db, {
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
  const logs = await eventLogs(db, { ids: rows.map((r) => r.id), types: ['message', 'conversion'] });
  return rows.map((r) => attemptListItem(r, attemptSnippet(logs.get(r.id) ?? [])));
}

/** The values each filterable field takes in a run, with counts, from the run's tallies (no pass over its attempts). */
export async function attemptFacets(db: Pg, runId: string): Promise<AttemptFacets> {
  const action = `count the facets of run ${runId}`;
  const rows = await run<FacetTallyRow>(db, {
    action,
    sql: `SELECT t.name AS technique, c.name AS chain, x.category, x.persona, s.name AS decided, x.success + x.failure + x.error + x.unscored AS n,
                 x.success, x.failure, x.error, x.unscored, x.reviewed
          FROM (SELECT technique_ref, chain_ref, scorer_ref, category, persona, SUM(success) AS success, SUM(failure) AS failure,
                       SUM(error) AS error, SUM(unscored) AS unscored, SUM(reviewed) AS reviewed
                FROM attempt_tallies WHERE run_id = $1 GROUP BY technique_ref, chain_ref, scorer_ref, category, persona) x
            JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref LEFT JOIN components s ON s.ref = x.scorer_ref`,
    params: [runId],
  });
  const errorKinds = await run<FacetValue>(db, {
    action, sql: 'SELECT error_kind AS value, COUNT(*) AS count FROM attempts WHERE run_id = $1 AND error_kind IS NOT NULL GROUP BY error_kind', params: [runId],
  });
  return facetsFromTallies(rows, errorKinds);
}
