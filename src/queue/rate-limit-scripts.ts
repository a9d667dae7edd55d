// The Lua side of the shared rate limiter. Each script runs atomically on the Redis server and reads Redis' own
// clock (TIME), so every process sharing a key sees one clock, whatever its own says. Times are milliseconds with
// microsecond decimals, written with `num` because Lua would print a large number with only 14 significant digits.

import { redisScript } from './redis-script.js';

const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local function num(x) return string.format('%.3f', x) end
-- A token bucket's level now (a missing bucket is a full one: it expires only once refilled).
local function level(key, capacity)
  local h = redis.call('HMGET', key, 'level', 'at')
  local lvl = tonumber(h[1])
  if not lvl then return capacity end
  return math.min(capacity, lvl + math.max(0, now - tonumber(h[2])) * capacity / 60000)
end
local function keep(key, lvl, capacity)
  redis.call('HSET', key, 'level', num(lvl), 'at', num(now))
  redis.call('PEXPIRE', key, math.ceil((capacity - lvl) * 60000 / capacity) + 1000)
end
`;

/**
 * KEYS: window (sorted set of admission times), requests bucket, tokens bucket, pause.
 * ARGV: per-second limit (0: none), window ms, requests per minute (0: none), tokens per minute (0: none), tokens
 * needed, a unique member for the window.
 * Returns {0, admission time} when the request is admitted, else {ms to wait, now}; nothing is taken on a refusal.
 */
export const acquireScript = redisScript(`${PRELUDE}
local wait = 0
local paused = tonumber(redis.call('GET', KEYS[4]))
if paused and paused > now then wait = paused - now end

local perSecond, windowMs = tonumber(ARGV[1]), tonumber(ARGV[2])
if perSecond > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', num(now - windowMs))
  local count = redis.call('ZCARD', KEYS[1])
  if count >= perSecond then
    -- Room comes when the admission that brings the count below the limit leaves the window.
    local leaving = redis.call('ZRANGE', KEYS[1], count - perSecond, count - perSecond, 'WITHSCORES')
    wait = math.max(wait, tonumber(leaving[2]) + windowMs - now)
  end
  -- Admissions are spaced evenly (window / limit apart), never in bursts: a burst admitted at once reaches the
  -- target spread over however long the workers take to send it, and the next burst lands on its tail.
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  if last[2] then wait = math.max(wait, tonumber(last[2]) + windowMs / perSecond - now) end
end

local rpm, tpm, need = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local requests, tokens
if rpm > 0 then
  requests = level(KEYS[2], rpm)
  if requests < 1 then wait = math.max(wait, (1 - requests) * 60000 / rpm) end
end
if tpm > 0 then
  tokens = level(KEYS[3], tpm)
  -- A request larger than the whole bucket waits for a full bucket rather than forever.
  local want = math.min(need, tpm)
  if tokens < want then wait = math.max(wait, (want - tokens) * 60000 / tpm) end
end
if wait > 0 then return {math.ceil(wait), num(now)} end

if perSecond > 0 then
  redis.call('ZADD', KEYS[1], num(now), ARGV[6])
  redis.call('PEXPIRE', KEYS[1], math.ceil(windowMs) + 1000)
end
if rpm > 0 then keep(KEYS[2], requests - 1, rpm) end
if tpm > 0 then keep(KEYS[3], tokens - need, tpm) end
return {0, num(now)}
`);

/** KEYS: tokens bucket. ARGV: tokens per minute, extra tokens used (negative: fewer than charged, given back). */
export const settleScript = redisScript(`${PRELUDE}
local tpm = tonumber(ARGV[1])
keep(KEYS[1], math.min(tpm, level(KEYS[1], tpm) - tonumber(ARGV[2])), tpm)
return 0
`);

/** KEYS: pause. ARGV: ms. Pauses until now + ms, unless an existing pause lasts longer. */
export const pauseScript = redisScript(`${PRELUDE}
local ms = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]))
if current and current >= now + ms then return 0 end
redis.call('SET', KEYS[1], num(now + ms), 'PX', math.ceil(ms) + 1000)
return 1
`);

/** KEYS: pause. Returns the ms left of the current pause (0: none), on Redis' clock. */
export const pauseLeftScript = redisScript(`${PRELUDE}
local current = tonumber(redis.call('GET', KEYS[1]))
if not current or current <= now then return 0 end
return math.ceil(current - now)
`);
