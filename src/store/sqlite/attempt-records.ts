import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../../core/component-ref.js';
import type { Outcome, Persona } from '../../core/outcome.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';
import type { Db } from './db.js';

type RecordRow = {
  id: number; seq: number; trial: number; goal_ref: number; technique_ref: number; chain_ref: number; scorer_ref: number | null;
  category: string; persona: Persona; outcome: Outcome; error_kind: string | null; error_message: string | null; retries: number; latency_ms: number;
  prompt_tokens: number | null; completion_tokens: number | null; usage_estimated: number; started_at: number; finished_at: number;
  turns_used: number | null; backtracks: number | null; reached_at: number | null; attacker_tokens: number | null;
};

type ComponentRow = { ref: number; kind: ComponentRef['kind']; id: string; instance: string; hash: string; spec_json: string };

const COMPONENT_COLUMNS = 'c.ref, c.kind, COALESCE(c.registry_id, c.name) AS id, c.name AS instance, c.hash, c.spec_json';

/** The components a run's attempts used, with their stored descriptions (read from the run's tallies). */
export function runComponentSpecs(db: Db, runId: string): ComponentSpec[] {
  const rows = db.prepare(
    `SELECT DISTINCT ${COMPONENT_COLUMNS} FROM attempt_tallies x
     JOIN components c ON c.ref IN (x.goal_ref, x.technique_ref, x.chain_ref, x.scorer_ref)
     WHERE x.run_id = ? ORDER BY c.kind, c.name`,
  ).all(runId) as ComponentRow[];
  return rows.map((r) => ({ kind: r.kind, id: r.id, instance: r.instance, hash: r.hash, spec: JSON.parse(r.spec_json) as unknown }));
}

/** A run's attempts as the writer took them, after plan position `afterSeq`, in plan order, at most `limit`. */
export function attemptRecords(db: Db, input: { runId: string; afterSeq: number; limit: number }): Attempt[] {
  const rows = db.prepare('SELECT * FROM attempts WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(input.runId, input.afterSeq, input.limit) as RecordRow[];
  const component = db.prepare(`SELECT ${COMPONENT_COLUMNS} FROM components c WHERE c.ref = ?`);
  const refs = new Map<number, ComponentRef>();
  const ref = (id: number): ComponentRef => {
    let found = refs.get(id);
    if (found === undefined) {
      const r = component.get(id) as ComponentRow;
      found = { kind: r.kind, id: r.id, instance: r.instance, hash: r.hash };
      refs.set(id, found);
    }
    return found;
  };
  const events = db.prepare('SELECT type, body FROM events WHERE attempt_id = ? ORDER BY idx');
  return rows.map((r) => ({
    seq: r.seq, trial: r.trial, goal: ref(r.goal_ref), technique: ref(r.technique_ref), chain: ref(r.chain_ref),
    category: r.category, persona: r.persona, outcome: r.outcome,
    events: (events.all(r.id) as StoredEvent[]).map(decodeEvent),
    ...(r.scorer_ref === null ? {} : { decidedBy: ref(r.scorer_ref) }),
    ...(r.error_kind === null ? {} : { error: { kind: r.error_kind, message: r.error_message ?? '' } }),
    retries: r.retries, latencyMs: r.latency_ms,
    ...(r.prompt_tokens === null || r.completion_tokens === null ? {} : {
      usage: { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, ...(r.usage_estimated === 1 ? { estimated: true } : {}) },
    }),
    ...(r.turns_used === null ? {} : {
      conversation: { turns: r.turns_used, backtracks: r.backtracks ?? 0, attackerTokens: r.attacker_tokens ?? 0, ...(r.reached_at === null ? {} : { reachedAtTurn: r.reached_at }) },
    }),
    startedAt: r.started_at, finishedAt: r.finished_at,
  }));
}
