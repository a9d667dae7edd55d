import type { AttemptFacets, AttemptFilter, AttemptListItem, FacetValue } from '../../core/attempt-query.js';
import type { Outcome, Persona } from '../../core/outcome.js';
import { fullTextQuery } from '../../core/search-text.js';
import type { Db } from './db.js';
import { EFFECTIVE_OUTCOME, REVIEW_JOIN } from './effective-outcome.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';

type ListRow = {
  id: number; seq: number; goal: string; technique: string; chain: string; category: string; persona: Persona; trial: number;
  outcome: Outcome; machine: Outcome; decided: string | null; verdict: 'success' | 'failure' | null; error_kind: string | null; latency_ms: number;
};

/** Characters of prompt and reply a list row carries. */
const SNIPPET = 160;

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
  ).all(input.runId, backwards ? input.beforeSeq : input.afterSeq ?? -1, ...where.params, input.limit) as ListRow[];
  if (backwards) rows.reverse();
  const snippets = snippetsOf(db, rows.map((r) => r.id));
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
function snippetsOf(db: Db, ids: readonly number[]): Map<number, { prompt: string; reply: string }> {
  const out = new Map<number, { prompt: string; reply: string }>();
  if (ids.length === 0) return out;
  const rows = db.prepare(
    `SELECT attempt_id AS id, type, body FROM events WHERE attempt_id IN (${ids.map(() => '?').join(', ')}) AND type IN ('message', 'conversion') ORDER BY attempt_id, idx`,
  ).all(...ids) as (StoredEvent & { id: number })[];
  for (const row of rows) {
    const event = decodeEvent(row);
    const entry = out.get(row.id) ?? { prompt: '', reply: '' };
    out.set(row.id, entry);
    if (event.type === 'conversion') {
      if (event.of === 'prompt' && entry.prompt === '') entry.prompt = event.before.slice(0, SNIPPET);
      continue;
    }
    if (event.type !== 'message' || event.pruned === true) continue;
    const text = event.parts.map((p) => ('text' in p ? p.text : '')).join(' ').slice(0, SNIPPET);
    if (event.role === 'assistant') entry.reply = text;
    else if (event.role === 'user' && entry.prompt === '') entry.prompt = text;
  }
  return out;
}

type FacetRow = { technique: string; chain: string; category: string; persona: string; decided: string | null; n: number; success: number; failure: number; error: number; unscored: number; reviewed: number };

/** The values each filterable field takes in a run, with counts, from the run's tallies (no pass over its attempts). */
export function attemptFacets(db: Db, runId: string): AttemptFacets {
  const rows = db.prepare(
    `SELECT t.name AS technique, c.name AS chain, x.category, x.persona, s.name AS decided, x.success + x.failure + x.error + x.unscored AS n,
            x.success, x.failure, x.error, x.unscored, x.reviewed
     FROM (SELECT technique_ref, chain_ref, scorer_ref, category, persona, SUM(success) AS success, SUM(failure) AS failure,
                  SUM(error) AS error, SUM(unscored) AS unscored, SUM(reviewed) AS reviewed
           FROM attempt_tallies WHERE run_id = ? GROUP BY technique_ref, chain_ref, scorer_ref, category, persona) x
       JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref LEFT JOIN components s ON s.ref = x.scorer_ref`,
  ).all(runId) as FacetRow[];
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
  const errorKinds = db.prepare('SELECT error_kind AS value, COUNT(*) AS count FROM attempts WHERE run_id = ? AND error_kind IS NOT NULL GROUP BY error_kind').all(runId) as FacetValue[];
  return {
    technique: tally((r) => r.technique), chain: tally((r) => r.chain), category: tally((r) => r.category), persona: tally((r) => r.persona),
    outcome: sorted(new Map([...outcomes].filter(([, n]) => n > 0))), decidedBy: tally((r) => r.decided ?? 'none'),
    errorKind: sorted(new Map(errorKinds.map((e) => [e.value, e.count]))), reviewed: rows.reduce((n, r) => n + r.reviewed, 0),
  };
}

function sorted(counts: ReadonlyMap<string, number>): FacetValue[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => x.value.localeCompare(y.value));
}
