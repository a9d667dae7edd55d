import type { AttemptEvent } from '../../core/event.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';
import { run, type Pg } from './db.js';

/** The event logs of some attempts (by row id), each in order, read in one statement; `types` keeps only those. */
export async function eventLogs(db: Pg, input: { ids: readonly number[]; types?: readonly AttemptEvent['type'][] }): Promise<Map<number, AttemptEvent[]>> {
  const logs = new Map<number, AttemptEvent[]>(input.ids.map((id) => [id, []]));
  if (input.ids.length === 0) return logs;
  const rows = await run<StoredEvent & { attempt_id: number }>(db, {
    action: 'read attempt events',
    sql: `SELECT attempt_id, type, body FROM events WHERE attempt_id = ANY($1::bigint[])${input.types === undefined ? '' : ' AND type = ANY($2::text[])'} ORDER BY attempt_id, idx`,
    params: input.types === undefined ? [input.ids] : [input.ids, input.types],
  });
  for (const row of rows) logs.get(row.attempt_id)!.push(decodeEvent(row));
  return logs;
}
