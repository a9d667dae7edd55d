import type { Clock } from './clock.js';

/** A clock whose sleeps complete instantly while advancing virtual time (tests and simulations). */
export function virtualClock(start = 0): Clock & { readonly slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      slept.push(ms);
      now += Math.max(0, ms);
    },
  };
}
