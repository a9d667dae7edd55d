import type { AttemptFacets, AttemptFilter, AttemptListItem, FacetValue } from '../../core/attempt-query.js';
import type { AttemptEvent } from '../../core/event.js';
import { fullTextQuery } from '../../core/search-text.js';
import { attemptListItem, type AttemptListRow } from '../attempt-list-item.js';
import { attemptSnippet, type AttemptSnippet } from '../attempt-snippet.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';
import { facetsFromTallies, type FacetTallyRow } from '../facets-from-tallies.js';
import type { Db } from './db.js';
import { EFFECTIVE_OUTCOME, REVIEW_JOIN } from './effective-outcome.js';

/** SQL conditions and their parameters for a filter (always over `a` joined with REVIEW_JOIN and scorer `s`). */
function conditions(filter: AttemptFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`${column} = ?`);
    params.push(value);
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
  if (filter.minLatencyMs !== undefined) {
    parts.push('a.latency_ms >= ?');
    params.push(filter.minLatencyMs);
  }
  if (filter.maxLatencyMs !== undefined) {
    parts.push('a.latency_ms <= ?');
    params.push(filter.maxLatencyMs);
  }
  const text = filter.text === undefined ? undefined : fullTextQuery(filter.text);
  if (text !== undefined) {
    parts.push('a.id IN (SELECT rowid FROM attempt_search WHERE attempt_search MATCH ?)');
    params.push(text);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** A page of a run's attempts matching a filter, by keyset on plan position, in plan order. */
export function queryAttempts(db: Db, input: { runId: string; filter: AttemptFilter; afterSeq?: number; beforeSeq?: number; limit: number }): AttemptListItem[] {
  const where = conditions(input.filter);
  const backwards = input.beforeSeq !== undefined;
  const rows = db.prepare(
    `SELECT a.id, a.seq, g.name AS goal, t.name AS technique, c.name AS chain, a.category, a.persona, a.trial,
            ${EFFECTIVE_OUTCOME} AS outcome, a.outcome AS machine, s.name AS decided, r.verdict, a.error_kind, a.latency_ms
     FROM attempts a JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref
       JOIN components c ON c.ref = a.chain_ref LEFT JOIN components s ON s.ref = a.scorer_ref ${REVIEW_JOIN}
     WHERE a.run_id = ? AND a.seq ${backwards ? '<' : '>'} ?${where.sql}
     ORDER BY a.seq ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
  ).all(input.runId, backwards ? input.beforeSeq : input.afterSeq ?? -1, ...where.params, input.limit) as AttemptListRow[];
  if (backwards) rows.reverse();
  const snippets = snippetsOf(db, rows.map((r) => r.id));
  return rows.map((r) => attemptListItem(r, snippets.get(r.id)));
}

/** The snippet of each attempt that has message or conversion events, read in one statement. */
function snippetsOf(db: Db, ids: readonly number[]): Map<number, AttemptSnippet> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(
    `SELECT attempt_id AS id, type, body FROM events WHERE attempt_id IN (${ids.map(() => '?').join(', ')}) AND type IN ('message', 'conversion') ORDER BY attempt_id, idx`,
  ).all(...ids) as (StoredEvent & { id: number })[];
  const logs = new Map<number, AttemptEvent[]>();
  for (const row of rows) {
    const log = logs.get(row.id) ?? [];
    log.push(decodeEvent(row));
    logs.set(row.id, log);
  }
  return new Map([...logs].map(([id, log]) => [id, attemptSnippet(log)]));
}

/** The values each filterable field takes in a run, with counts, from the run's tallies (no pass over its attempts). */
export function attemptFacets(db: Db, runId: string): AttemptFacets {
  const rows = db.prepare(
    `SELECT t.name AS technique, c.name AS chain, x.category, x.persona, s.name AS decided, x.success + x.failure + x.error + x.unscored AS n,
            x.success, x.failure, x.error, x.unscored, x.reviewed
     FROM (SELECT technique_ref, chain_ref, scorer_ref, category, persona, SUM(success) AS success, SUM(failure) AS failure,
                  SUM(error) AS error, SUM(unscored) AS unscored, SUM(reviewed) AS reviewed
           FROM attempt_tallies WHERE run_id = ? GROUP BY technique_ref, chain_ref, scorer_ref, category, persona) x
       JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref LEFT JOIN components s ON s.ref = x.scorer_ref`,
  ).all(runId) as FacetTallyRow[];
  const errorKinds = db.prepare('SELECT error_kind AS value, COUNT(*) AS count FROM attempts WHERE run_id = ? AND error_kind IS NOT NULL GROUP BY error_kind').all(runId) as FacetValue[];
  return facetsFromTallies(rows, errorKinds);
}
