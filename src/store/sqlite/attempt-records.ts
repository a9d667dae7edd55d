import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../../core/component-ref.js';
import { attemptOfRecord, type AttemptRecordRow } from '../attempt-of-record.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';
import type { Db } from './db.js';

/** SQLite keeps booleans as 0/1. */
type RecordRow = Omit<AttemptRecordRow, 'usage_estimated'> & { usage_estimated: number };

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
  return rows.map((r) => attemptOfRecord({ ...r, usage_estimated: r.usage_estimated === 1 }, { ref, events: (events.all(r.id) as StoredEvent[]).map(decodeEvent) }));
}
