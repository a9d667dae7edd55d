import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run atomically on the Redis server: by its SHA1 digest, loading it when the server lacks it. */
export type RedisScript = (redis: Redis, input: { keys: readonly string[]; args: readonly (string | number)[] }) => Promise<unknown>;

/**
 * Wraps a Lua script. Unlike ioredis' `defineCommand`, it adds nothing to the caller's client; EVALSHA first (the
 * usual case sends only the digest), EVAL when the server answers NOSCRIPT (a restart or SCRIPT FLUSH dropped it).
 */
export function redisScript(lua: string): RedisScript {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (redis, { keys, args }) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(lua, keys.length, ...keys, ...args);
    }
  };
}
