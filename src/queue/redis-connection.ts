import { Redis } from 'ioredis';
import { QueueError } from '../core/errors.js';

/** A Redis URL with its password (and user) replaced, for messages and the run's record. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable queue URL>';
  }
}

/** Options of a Redis connection. */
export type RedisConnectOptions = {
  /** For a BullMQ worker or queue-events reader: commands wait for a reconnect instead of failing after a few tries. */
  readonly blocking?: boolean;
  /** How long the first connection may take, ms (default 5,000). */
  readonly connectTimeoutMs?: number;
};

/**
 * Connects to Redis at `url` (redis:// or rediss://) and checks it answers: an unreachable server, a wrong password
 * or a malformed URL is a QueueError naming the URL without its password. After the first connection, a lost
 * connection is retried forever (a Redis restart pauses a scan; it does not end it).
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<Redis> {
  const where = redactedUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new QueueError(`the queue URL is not a URL: ${where}`, { queue: where, hint: 'give it as redis://[:password@]host:port[/db]', cause });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueError(`the queue must be a Redis URL (redis:// or rediss://), not ${parsed.protocol}`, { queue: where, hint: 'e.g. --queue redis://127.0.0.1:6379' });
  }
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    // BullMQ requires null for connections that block; others fail a command after a few reconnect attempts.
    maxRetriesPerRequest: options.blocking === true ? null : 20,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // Errors after the first connection are reconnects in progress: ioredis retries them; callers see slow commands.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (cause) {
    redis.disconnect();
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new QueueError(`cannot reach the queue at ${where}: ${message}`, {
      queue: where, cause,
      hint: /NOAUTH|WRONGPASS|invalid password/i.test(message) ? 'check the password in the queue URL (redis://:PASSWORD@host:port)'
        : 'start Redis (scripts/local-services.sh starts it on 127.0.0.1:6379) or check the host and port',
    });
  }
  return redis;
}
