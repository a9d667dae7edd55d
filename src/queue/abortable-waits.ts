/** Races a wait against its signal: rejects with the signal's reason as soon as it aborts, whatever the wait is doing. */
export type AbortableWaits = <T>(work: Promise<T>, signal: AbortSignal) => Promise<T>;

/**
 * Abortable waits with one abort listener per signal, however many waits share it: the engine passes one stop
 * signal to every attempt, and a listener per queued waiter would pile up on it (and trip Node's leak warning).
 */
export function abortableWaits(): AbortableWaits {
  const waiters = new WeakMap<AbortSignal, Set<(reason: unknown) => void>>();
  return (work, signal) =>
    new Promise((resolve, reject) => {
      let rejects = waiters.get(signal);
      if (!rejects) {
        const set = new Set<(reason: unknown) => void>();
        waiters.set(signal, set);
        signal.addEventListener('abort', () => {
          for (const rejectOne of set) rejectOne(signal.reason);
          set.clear();
        }, { once: true });
        rejects = set;
      }
      const mine = rejects;
      mine.add(reject);
      work.then(resolve, reject).finally(() => mine.delete(reject));
    });
}
