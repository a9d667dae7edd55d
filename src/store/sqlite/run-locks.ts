import type { RunLockHolder, RunLocks } from '../../core/run-store.js';
import type { Db } from './db.js';

type LockRow = { pid: number; host: string; acquiredAt: number; heartbeatAt: number };

const SELECT = 'SELECT pid, host, acquired_at AS acquiredAt, heartbeat_at AS heartbeatAt FROM run_locks WHERE run_id = ?';

/** Run locks in SQLite: check and take in one immediate transaction, so two processes cannot both win. */
export function sqliteRunLocks(db: Db): RunLocks {
  const select = db.prepare(SELECT);
  const upsert = db.prepare(
    `INSERT INTO run_locks (run_id, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (run_id) DO UPDATE SET pid = excluded.pid, host = excluded.host, acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
  );
  const acquire = db.transaction((runId: string, holder: RunLockHolder, isGone: (current: RunLockHolder) => boolean) => {
    const current = select.get(runId) as LockRow | undefined;
    const mine = current !== undefined && current.pid === holder.pid && current.host === holder.host;
    if (current !== undefined && !mine && !isGone(current)) return { ok: false as const, holder: current };
    upsert.run(runId, holder.pid, holder.host, holder.acquiredAt, holder.heartbeatAt);
    return { ok: true as const };
  });
  const beat = db.prepare('UPDATE run_locks SET heartbeat_at = ? WHERE run_id = ? AND pid = ? AND host = ?');
  const release = db.prepare('DELETE FROM run_locks WHERE run_id = ? AND pid = ? AND host = ?');
  return {
    acquire: async ({ runId, holder, isGone }) => acquire.immediate(runId, holder, isGone),
    heartbeat: async ({ runId, pid, host, at }) => beat.run(at, runId, pid, host).changes > 0,
    release: async ({ runId, pid, host }) => {
      release.run(runId, pid, host);
    },
    holder: async (runId) => select.get(runId) as LockRow | undefined,
  };
}
