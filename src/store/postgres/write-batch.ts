import type pg from 'pg';
import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef } from '../../core/component-ref.js';
import { encodeEvent } from '../event-codec.js';
import { finalScoreFacts } from '../final-score-facts.js';
import { pgText } from './pg-text.js';
import { attemptWords } from './search-words.js';

/** Columns of one attempt row, in insert order, with their array types for unnest. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['seq', 'int'], ['goal_ref', 'bigint'], ['technique_ref', 'bigint'], ['chain_ref', 'bigint'], ['scorer_ref', 'bigint'], ['trial', 'int'],
  ['category', 'text'], ['persona', 'text'], ['outcome', 'text'], ['error_kind', 'text'], ['error_message', 'text'], ['retries', 'int'],
  ['latency_ms', 'float8'], ['prompt_tokens', 'bigint'], ['completion_tokens', 'bigint'], ['started_at', 'bigint'], ['finished_at', 'bigint'],
  ['turns_used', 'int'], ['backtracks', 'int'], ['reached_at', 'int'], ['attacker_tokens', 'bigint'], ['usage_estimated', 'boolean'], ['filtered', 'int'],
];

const INSERT_ATTEMPTS = `INSERT INTO attempts (run_id, ${COLUMNS.map(([c]) => c).join(', ')})
  SELECT $1, ${COLUMNS.map(([c]) => `u.${c}`).join(', ')}
  FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ')}) WITH ORDINALITY AS u(${COLUMNS.map(([c]) => c).join(', ')}, n)
  ORDER BY u.n
  ON CONFLICT (run_id, seq) DO NOTHING RETURNING id, seq`;

const TALLY_KEY = ['goal_ref', 'technique_ref', 'chain_ref', 'scorer_ref', 'category', 'persona', 'reached'] as const;
const TALLY_COUNTS = ['success', 'failure', 'error', 'unscored', 'machine_success', 'machine_failure', 'filtered', 'prompt_tokens', 'completion_tokens', 'attacker_tokens', 'estimated'] as const;
const TALLY_TYPES = ['bigint', 'bigint', 'bigint', 'bigint', 'text', 'text', 'int'];

const UPSERT_TALLIES = `INSERT INTO attempt_tallies (run_id, ${TALLY_KEY.join(', ')}, reviewed, ${TALLY_COUNTS.join(', ')})
  SELECT $1, ${TALLY_KEY.map((c) => `u.${c}`).join(', ')}, 0, ${TALLY_COUNTS.map((c) => `u.${c}`).join(', ')}
  FROM unnest(${[...TALLY_TYPES, ...TALLY_COUNTS.map(() => 'bigint')].map((type, i) => `$${i + 2}::${type}[]`).join(', ')})
    WITH ORDINALITY AS u(${TALLY_KEY.join(', ')}, ${TALLY_COUNTS.join(', ')}, n)
  ORDER BY u.n
  ON CONFLICT (run_id, ${TALLY_KEY.join(', ')}) DO UPDATE SET ${TALLY_COUNTS.map((c) => `${c} = attempt_tallies.${c} + excluded.${c}`).join(', ')}`;

const UPSERT_DETECTORS = `INSERT INTO detector_tallies (run_id, scorer_id, persona, category, hit, deciding, attempts)
  SELECT $1, u.scorer_id, u.persona, u.category, u.hit, u.deciding, u.attempts
  FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::boolean[], $7::bigint[]) WITH ORDINALITY AS u(scorer_id, persona, category, hit, deciding, attempts, n)
  ORDER BY u.n
  ON CONFLICT (run_id, scorer_id, persona, category, hit, deciding) DO UPDATE SET attempts = detector_tallies.attempts + excluded.attempts`;

/** Adds `delta` to the row of `key` in `rows` (a JS-side GROUP BY). */
function add(rows: Map<string, { key: readonly unknown[]; counts: number[] }>, key: readonly unknown[], delta: readonly number[]): void {
  const id = JSON.stringify(key);
  const row = rows.get(id) ?? { key, counts: delta.map(() => 0) };
  delta.forEach((d, i) => (row.counts[i]! += d));
  rows.set(id, row);
}

/** Rows in a fixed order (by key), so two writers updating the same tally rows lock them in the same order: no deadlock. */
function ordered(rows: Map<string, { key: readonly unknown[]; counts: number[] }>): { key: readonly unknown[]; counts: number[] }[] {
  return [...rows].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, row]) => row);
}

/** Column-wise arrays of rows, for unnest. */
function columns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  return [...Array(width).keys()].map((i) => rows.map((r) => r[i]));
}

/**
 * Writes one batch of a run's attempts in the caller's transaction and gives how many were new. Attempts are
 * inserted in plan order with ON CONFLICT DO NOTHING, so a position another writer stored (or is storing: this one
 * waits for its commit) keeps its first record; only the inserted ones get events, words and tally counts. Tallies
 * are summed here and applied in key order, one statement each.
 */
export async function writeBatch(client: pg.PoolClient, input: { runId: string; batch: readonly Attempt[]; ref: (c: ComponentRef) => number }): Promise<number> {
  const { runId, ref } = input;
  const batch = [...input.batch].sort((x, y) => x.seq - y.seq);
  const facts = batch.map((a) => finalScoreFacts(a.events));
  const rows = batch.map((a, i) => [
    a.seq, ref(a.goal), ref(a.technique), ref(a.chain), a.decidedBy === undefined ? null : ref(a.decidedBy), a.trial,
    pgText(a.category), a.persona, a.outcome, pgText(a.error?.kind), pgText(a.error?.message), a.retries,
    a.latencyMs, a.usage?.promptTokens ?? null, a.usage?.completionTokens ?? null, a.startedAt, a.finishedAt,
    a.conversation?.turns ?? null, a.conversation?.backtracks ?? null, a.conversation?.reachedAtTurn ?? null, a.conversation?.attackerTokens ?? null,
    a.usage?.estimated === true, facts[i]!.filtered,
  ]);
  const inserted = await client.query<{ id: number; seq: number }>(INSERT_ATTEMPTS, [runId, ...columns(rows, COLUMNS.length)]);
  if (inserted.rows.length === 0) return 0;
  const idOf = new Map(inserted.rows.map((r) => [r.seq, r.id]));
  const events: unknown[][] = [];
  const words: unknown[][] = [];
  const tallies = new Map<string, { key: readonly unknown[]; counts: number[] }>();
  const detectors = new Map<string, { key: readonly unknown[]; counts: number[] }>();
  batch.forEach((a, i) => {
    const id = idOf.get(a.seq);
    // A duplicate seq within the batch: only its first record was inserted.
    if (id === undefined) return;
    idOf.delete(a.seq);
    a.events.forEach((event, idx) => {
      const stored = encodeEvent(event);
      events.push([id, idx, stored.type, stored.body]);
    });
    words.push([id, attemptWords(a.events)]);
    const reached = a.conversation === undefined ? -2 : a.conversation.reachedAtTurn ?? -1;
    const key = [ref(a.goal), ref(a.technique), ref(a.chain), a.decidedBy === undefined ? 0 : ref(a.decidedBy), pgText(a.category), a.persona, reached];
    const is = (o: string) => (a.outcome === o ? 1 : 0);
    add(tallies, key, [is('success'), is('failure'), is('error'), is('unscored'), is('success'), is('failure'), facts[i]!.filtered,
      a.usage?.promptTokens ?? 0, a.usage?.completionTokens ?? 0, a.conversation?.attackerTokens ?? 0, a.usage?.estimated === true ? 1 : 0]);
    for (const [scorerId, d] of facts[i]!.detectors) add(detectors, [pgText(scorerId), a.persona, pgText(a.category), d.hit, d.deciding], [1]);
  });
  if (events.length > 0) await client.query('INSERT INTO events (attempt_id, idx, type, body) SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[])', columns(events, 4));
  await client.query(
    `INSERT INTO attempt_search (attempt_id, words) SELECT u.id, array_to_tsvector(string_to_array(u.words, ' ')) FROM unnest($1::bigint[], $2::text[]) AS u(id, words)`,
    columns(words, 2),
  );
  const tallyRows = ordered(tallies).map((r) => [...r.key, ...r.counts]);
  await client.query(UPSERT_TALLIES, [runId, ...columns(tallyRows, TALLY_KEY.length + TALLY_COUNTS.length)]);
  const detectorRows = ordered(detectors).map((r) => [...r.key, ...r.counts]);
  if (detectorRows.length > 0) await client.query(UPSERT_DETECTORS, [runId, ...columns(detectorRows, 6)]);
  return inserted.rows.length;
}
