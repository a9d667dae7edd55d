import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedlineError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { systemClock, type Clock } from '../engine/clock.js';
import type { RateLimiter, RateLimits } from '../engine/rate-limiter.js';
import { abortableWaits } from './abortable-waits.js';
import { acquireScript, pauseLeftScript, pauseScript, settleScript } from './rate-limit-scripts.js';

/** What a shared rate limiter needs. */
export type RedisRateLimiterInput = {
  /** An ioredis client; the caller owns it (and quits it). */
  readonly redis: Redis;
  /**
   * Prefix of the limiter's keys, one per target, e.g. 'redline:limit:<targetHash>'; every process sharing it must
   * pass the same limits. For Redis Cluster, give it a hash tag ('redline:limit:{<targetHash>}').
   */
  readonly key: string;
  /** The limits, counted once across every process sharing the key. */
  readonly limits: RateLimits;
  /**
   * Widens the per-second window to 1000 + marginMs (default 25). The window holds on admission times (Redis'
   * clock); a request reaches the target a little later, and unevenly, so a target counting arrivals could see one
   * request too many in a second. The margin absorbs that much delivery jitter, at a cost of marginMs/1000 of throughput.
   */
  readonly marginMs?: number;
  /** Up to this many ms (default 10) are added at random to each wake-up, so refused processes do not retry in lockstep. */
  readonly jitterMs?: number;
  /** Sleeps between tries (default: the system clock; Redis' clock decides admission). */
  readonly clock?: Clock;
  /** Jitter source (default Math.random). */
  readonly random?: Random;
  /** Told the Redis time (ms since the epoch) each request of this process was admitted (not called without limits): for metrics and tests. */
  readonly onAdmit?: (at: number) => void;
};

const DEFAULT_MARGIN_MS = 25;
const DEFAULT_JITTER_MS = 10;
/** Requests of one process asking Redis at once, at most: each ask waits a round trip and a turn of a busy event loop. */
const ASKS_AT_ONCE = 4;
/** Without limits, how often a process reads the shared pause (ms): a 429 reaches every worker within this. */
const PAUSE_POLL_MS = 200;

/**
 * A rate limiter whose limits hold across every process sharing `key`, enforced by atomic Lua scripts on Redis'
 * clock: a sliding-window log for requests per second (a request is admitted only if fewer than N were admitted in
 * the window, and admissions are spaced evenly, window / N apart), token buckets for requests and tokens per minute, and a shared pause. A refused request sleeps as long
 * as the script says, plus jitter, and asks again; waiters of one process queue locally, at most four of them asking
 * Redis at once. Without limits, only the shared pause is read, in the background every 200 ms. `settle` and `pause` write in the background; a failure of theirs rejects the next `acquire`.
 * A Redis error during `acquire` rejects it.
 */
export function createRedisRateLimiter(input: RedisRateLimiterInput): RateLimiter {
  const { redis, key, limits } = input;
  const clock = input.clock ?? systemClock();
  const random = input.random ?? Math.random;
  const jitterMs = input.jitterMs ?? DEFAULT_JITTER_MS;
  const windowMs = 1000 + (input.marginMs ?? DEFAULT_MARGIN_MS);
  const keys = [`${key}:window`, `${key}:requests`, `${key}:tokens`, `${key}:pause`] as const;
  const instance = randomBytes(6).toString('hex');
  const perSecond = limits.requestsPerSecond === undefined ? 0 : Math.max(1, Math.floor(limits.requestsPerSecond));
  const perMinute = limits.requestsPerMinute ?? 0;
  const tokensPerMinute = limits.tokensPerMinute ?? 0;
  let tries = 0;
  let failure: unknown;
  const abortable = abortableWaits();
  // Waiters of this process take turns asking Redis, a few at a time: one ask at a time capped a busy worker at one
  // request per event-loop turn (about 130 a second).
  let asking = 0;
  const turns: (() => void)[] = [];
  const unlimited = perSecond === 0 && perMinute === 0 && tokensPerMinute === 0;
  // Without limits only the shared pause matters: it is read in the background, not asked before every request.
  let pausedUntil = 0;
  let pauseReadAt = Number.NEGATIVE_INFINITY;
  let pauseRead: Promise<void> | undefined;

  function background(write: Promise<unknown>, what: string): void {
    write.catch((cause: unknown) => {
      failure ??= new RedlineError(`the shared rate limiter could not ${what}: ${cause instanceof Error ? cause.message : String(cause)}`, {
        hint: 'check that Redis is reachable from every worker', cause,
      });
    });
  }

  async function inTurn(work: () => Promise<void>): Promise<void> {
    while (asking >= ASKS_AT_ONCE) await new Promise<void>((resolve) => turns.push(resolve));
    asking += 1;
    try {
      await work();
    } finally {
      asking -= 1;
      turns.shift()?.();
    }
  }

  function readPause(): Promise<void> {
    pauseReadAt = clock.now();
    pauseRead ??= (pauseLeftScript(redis, { keys: [keys[3]], args: [] }) as Promise<number>)
      .then((left) => {
        pausedUntil = Math.max(pausedUntil, clock.now() + Number(left));
      })
      .finally(() => {
        pauseRead = undefined;
      });
    return pauseRead;
  }

  async function waitForPause(signal: AbortSignal): Promise<void> {
    // The first request reads the pause before it goes; later ones refresh it in the background.
    if (pauseReadAt === Number.NEGATIVE_INFINITY) await readPause();
    else if (clock.now() - pauseReadAt >= PAUSE_POLL_MS) background(readPause(), 'read the shared pause');
    for (;;) {
      const left = pausedUntil - clock.now();
      if (left <= 0) return;
      await clock.sleep(left + random() * Math.min(jitterMs, left / 2), signal);
    }
  }

  async function take(tokens: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      tries += 1;
      const reply = (await acquireScript(redis, {
        keys,
        args: [perSecond, windowMs, perMinute, tokensPerMinute, tokens, `${instance}:${tries}`],
      })) as [number, string];
      const [wait, at] = reply;
      if (wait === 0) {
        input.onAdmit?.(Number(at));
        return;
      }
      // Jitter keeps refused processes from asking in lockstep; at most half the wait, so short spacings stay short.
      await clock.sleep(wait + random() * Math.min(jitterMs, wait / 2), signal);
    }
  }

  return {
    acquire(tokens, signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (failure !== undefined) {
        const error = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (unlimited) return abortable(waitForPause(signal), signal);
      return abortable(inTurn(() => take(tokens, signal)), signal);
    },
    settle(extra) {
      if (tokensPerMinute === 0 || extra === 0) return;
      background(settleScript(redis, { keys: [keys[2]], args: [tokensPerMinute, extra] }), 'settle the token count');
    },
    pause(ms) {
      if (ms <= 0) return;
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
      background(pauseScript(redis, { keys: [keys[3]], args: [ms] }), 'pause');
    },
  };
}
