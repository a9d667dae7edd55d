import type { RunLockHolder, RunLocks } from '../../core/run-store.js';
import { inTransaction, run, type Pg } from './db.js';

const SELECT = 'SELECT pid, host, acquired_at AS "acquiredAt", heartbeat_at AS "heartbeatAt" FROM run_locks WHERE run_id = $1';

/**
 * Run locks in PostgreSQL: the lock row is created if missing, then read FOR UPDATE and taken in the same
 * transaction, so of two processes asking at once one waits for the other's decision and never both win.
 */
export function postgresRunLocks(db: Pg): RunLocks {
  return {
    acquire: async ({ runId, holder, isGone }) => inTransaction(db, `take the lock of run ${runId}`, async (client) => {
      // A first taker inserts; anyone else (or a concurrent first taker, who waits here) finds the row and locks it.
      const inserted = await client.query(
        `INSERT INTO run_locks (run_id, pid, host, acquired_at, heartbeat_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (run_id) DO NOTHING`,
        [runId, holder.pid, holder.host, holder.acquiredAt, holder.heartbeatAt],
      );
      if (inserted.rowCount === 1) return { ok: true as const };
      const current = (await client.query<RunLockHolder>(`${SELECT} FOR UPDATE`, [runId])).rows[0];
      const mine = current !== undefined && current.pid === holder.pid && current.host === holder.host;
      if (current !== undefined && !mine && !isGone(current)) return { ok: false as const, holder: current };
      await client.query(
        `INSERT INTO run_locks (run_id, pid, host, acquired_at, heartbeat_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (run_id) DO UPDATE SET pid = excluded.pid, host = excluded.host, acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
        [runId, holder.pid, holder.host, holder.acquiredAt, holder.heartbeatAt],
      );
      return { ok: true as const };
    }),
    heartbeat: async ({ runId, pid, host, at }) =>
      (await run(db, {
        action: `record a heartbeat of run ${runId}`, sql: 'UPDATE run_locks SET heartbeat_at = $1 WHERE run_id = $2 AND pid = $3 AND host = $4 RETURNING run_id', params: [at, runId, pid, host],
      })).length > 0,
    release: async ({ runId, pid, host }) => {
      await run(db, { action: `release the lock of run ${runId}`, sql: 'DELETE FROM run_locks WHERE run_id = $1 AND pid = $2 AND host = $3', params: [runId, pid, host] });
    },
    holder: async (runId) => (await run<RunLockHolder>(db, { action: `read the lock of run ${runId}`, sql: SELECT, params: [runId] }))[0],
  };
}
