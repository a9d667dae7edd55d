import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../../core/component-ref.js';
import { attemptOfRecord, type AttemptRecordRow } from '../attempt-of-record.js';
import { run, type Pg } from './db.js';
import { eventLogs } from './event-log.js';

type ComponentRow = { ref: number; kind: ComponentRef['kind']; id: string; instance: string; hash: string; spec_json: string };

const COMPONENT_COLUMNS = 'c.ref, c.kind, COALESCE(c.registry_id, c.name) AS id, c.name AS instance, c.hash, c.spec_json';

/** The components a run's attempts used (read from the run's tallies: one row per combination, not per attempt). */
async function usedComponents(db: Pg, runId: string): Promise<ComponentRow[]> {
  return run<ComponentRow>(db, {
    action: `read the components of run ${runId}`,
    sql: `SELECT ${COMPONENT_COLUMNS} FROM components c
          WHERE c.ref IN (SELECT unnest(ARRAY[x.goal_ref, x.technique_ref, x.chain_ref, x.scorer_ref]) FROM attempt_tallies x WHERE x.run_id = $1)
          ORDER BY c.kind, c.name`,
    params: [runId],
  });
}

/** The components a run's attempts used, as references. */
export async function runComponents(db: Pg, runId: string): Promise<ComponentRef[]> {
  return (await usedComponents(db, runId)).map((r) => ({ kind: r.kind, id: r.id, instance: r.instance, hash: r.hash }));
}

/** The components a run's attempts used, with their stored descriptions. */
export async function runComponentSpecs(db: Pg, runId: string): Promise<ComponentSpec[]> {
  return (await usedComponents(db, runId)).map((r) => ({ kind: r.kind, id: r.id, instance: r.instance, hash: r.hash, spec: JSON.parse(r.spec_json) as unknown }));
}

/** A run's attempts as the writer took them, after plan position `afterSeq`, in plan order, at most `limit`. */
export async function attemptRecords(db: Pg, input: { runId: string; afterSeq: number; limit: number }): Promise<Attempt[]> {
  const rows = await run<AttemptRecordRow>(db, {
    action: `read the attempts of run ${input.runId}`,
    sql: `SELECT id, seq, trial, goal_ref, technique_ref, chain_ref, scorer_ref, category, persona, outcome, error_kind, error_message, retries, latency_ms,
                 prompt_tokens, completion_tokens, usage_estimated, started_at, finished_at, turns_used, backtracks, reached_at, attacker_tokens
          FROM attempts WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    params: [input.runId, input.afterSeq, input.limit],
  });
  if (rows.length === 0) return [];
  const wanted = [...new Set(rows.flatMap((r) => [r.goal_ref, r.technique_ref, r.chain_ref, ...(r.scorer_ref === null ? [] : [r.scorer_ref])]))];
  const components = await run<ComponentRow>(db, {
    action: `read the components of run ${input.runId}`, sql: `SELECT ${COMPONENT_COLUMNS} FROM components c WHERE c.ref = ANY($1::bigint[])`, params: [wanted],
  });
  const refs = new Map(components.map((r) => [r.ref, { kind: r.kind, id: r.id, instance: r.instance, hash: r.hash } satisfies ComponentRef]));
  const ref = (id: number): ComponentRef => refs.get(id)!;
  const logs = await eventLogs(db, { ids: rows.map((r) => r.id) });
  return rows.map((r) => attemptOfRecord(r, { ref, events: logs.get(r.id) ?? [] }));
}
