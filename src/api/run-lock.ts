import { hostname } from 'node:os';
import { StoreError } from '../core/errors.js';
import type { RunLockHolder, RunStore } from '../core/run-store.js';
import type { Clock } from '../engine/clock.js';

/** How often the executing process says it is alive. */
export const LOCK_HEARTBEAT_MS = 5_000;
/** A holder silent for this long is taken as crashed (for a holder on another host, the only sign there is). */
export const LOCK_STALE_MS = 30_000;

/** Whether a process of this host exists (EPERM: it exists, owned by someone else). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A holder crashed when its process is gone from this host, or it has been silent past the stale limit. */
export function holderIsGone(current: RunLockHolder, here: { host: string; now: number; staleMs?: number; exists?: (pid: number) => boolean }): boolean {
  if (current.host === here.host && !(here.exists ?? processExists)(current.pid)) return true;
  return here.now - current.heartbeatAt > (here.staleMs ?? LOCK_STALE_MS);
}

/** The held lock: release it when the run is done. */
export type HeldRunLock = { release(): Promise<void> };

/**
 * Takes a run's lock for this process before anything is sent, and keeps it alive until released. A run another live
 * process is executing is a StoreError naming that process; a crashed holder is taken over.
 */
export async function lockRun(store: RunStore, runId: string, clock: Clock): Promise<HeldRunLock> {
  const now = clock.now();
  const holder: RunLockHolder = { pid: process.pid, host: hostname(), acquiredAt: now, heartbeatAt: now };
  const taken = await store.locks.acquire({ runId, holder, isGone: (current) => holderIsGone(current, { host: holder.host, now }) });
  if (!taken.ok) {
    const { pid, host, acquiredAt, heartbeatAt } = taken.holder;
    throw new StoreError(
      `run ${runId} is already being executed by process ${pid} on ${host} (since ${new Date(acquiredAt).toISOString()}, last sign of life ${Math.max(0, Math.round((now - heartbeatAt) / 1000))} s ago)`,
      { file: store.location, hint: `wait for it to finish or stop it, then resume; a holder that crashed is taken over once its process is gone or it has been silent for ${LOCK_STALE_MS / 1000} s` },
    );
  }
  const timer = setInterval(() => {
    store.locks.heartbeat({ runId, pid: holder.pid, host: holder.host, at: clock.now() }).catch(() => undefined);
  }, LOCK_HEARTBEAT_MS);
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      await store.locks.release({ runId, pid: holder.pid, host: holder.host });
    },
  };
}
