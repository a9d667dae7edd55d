import { createHash } from 'node:crypto';
import type { Goal } from './goal.js';

/**
 * Placeholders a goal (its text or metadata) may hold, filled per attempt with the out-of-band listener's addresses:
 * `{{exfil.url}}` a link, `{{exfil.image}}` a markdown image, `{{exfil.link}}` a markdown link, `{{exfil.email}}` an
 * address, `{{exfil.token}}` the bare token, `{{exfil.page}}` a poisoned web page for browsing agents (fetching it is
 * not a hit; doing what it says is). A request that reaches the listener with the token proves the data left.
 */
const PLACEHOLDER = /\{\{\s*exfil\.(url|image|link|email|token|page)\s*\}\}/g;

/** The metadata key under which a filled goal carries its attempt's token (read by the `proven-exfil` scorer). */
export const EXFIL_TOKEN_KEY = 'exfilToken';

/** One request the listener received. */
export type ExfilHit = {
  /** The token found in it. */
  readonly token: string;
  /** When it arrived, ms since the epoch. */
  readonly at: number;
  /** HTTP method. */
  readonly method: string;
  /** The path and query as requested (clipped). */
  readonly path: string;
  /** The User-Agent header, when sent (clipped). */
  readonly userAgent?: string;
};

/** True when a goal needs the listener: a placeholder in its text or metadata. */
export function goalNeedsListener(goal: Goal): boolean {
  const has = (text: string) => new RegExp(PLACEHOLDER.source).test(text);
  return has(goal.text) || Object.values(goal.metadata ?? {}).some(has);
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The token of one attempt: `rl-<run tag>-<seq in base 36>-<check>`. Unique per run and position, and checkable
 * without a table (the check is derived from the run id and seq); not a secret — it proves where a request came
 * from, not who may make one.
 */
export function exfilToken(input: { readonly runId: string; readonly seq: number }): string {
  return `rl-${digest(input.runId).slice(0, 8)}-${input.seq.toString(36)}-${digest(`${input.runId}:${input.seq}`).slice(0, 6)}`;
}

/** The first token-shaped string in a text (a path, a query, an address). */
export function findExfilToken(text: string): string | undefined {
  return /rl-[0-9a-f]{8}-[0-9a-z]{1,10}-[0-9a-f]{6}/.exec(text)?.[0];
}

/** The plan position a token belongs to in this run, or undefined when it is not one of the run's tokens. */
export function exfilTokenSeq(token: string, runId: string): number | undefined {
  const match = /^rl-([0-9a-f]{8})-([0-9a-z]{1,10})-([0-9a-f]{6})$/.exec(token);
  if (match === null) return undefined;
  const seq = Number.parseInt(match[2]!, 36);
  return Number.isSafeInteger(seq) && exfilToken({ runId, seq }) === token ? seq : undefined;
}

/** The goal as one attempt sends it: every placeholder filled with this attempt's addresses, and its token recorded. */
export function goalWithExfil(goal: Goal, input: { readonly baseUrl: string; readonly token: string }): Goal {
  const base = input.baseUrl.replace(/\/+$/, '');
  const values: Readonly<Record<string, string>> = {
    url: `${base}/c/${input.token}`,
    image: `![status](${base}/i/${input.token}.png)`,
    link: `[details](${base}/c/${input.token})`,
    email: `${input.token}@exfil.redline.invalid`,
    token: input.token,
    page: `${base}/p/${input.token}`,
  };
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => values[name]!);
  const metadata = Object.fromEntries(Object.entries(goal.metadata ?? {}).map(([k, v]) => [k, fill(v)]));
  return { ...goal, text: fill(goal.text), metadata: { ...metadata, [EXFIL_TOKEN_KEY]: input.token } };
}

/** What the scorer asks of the listener: the hits for one token, waiting a while for one to arrive. */
export type ExfilWitness = {
  /** Records a hit the listener attributed to this run. */
  record(hit: ExfilHit): void;
  /** The first hit for the token: at once when one came already, else the first within `ms`; undefined when none did. */
  waitFor(token: string, input: { readonly ms: number; readonly signal?: AbortSignal }): Promise<ExfilHit | undefined>;
  /** Hits recorded so far: requests to the listener, and tool calls carrying a token (method `TOOL`). */
  counts(): { readonly requests: number; readonly toolCalls: number };
};

/** Keeps the hits of one run's tokens and wakes a scorer waiting for its attempt's token. */
export function createExfilWitness(): ExfilWitness {
  const hits = new Map<string, ExfilHit>();
  const waiting = new Map<string, ((hit: ExfilHit) => void)[]>();
  let requests = 0;
  let toolCalls = 0;
  return {
    counts: () => ({ requests, toolCalls }),
    record: (hit) => {
      if (hit.method === 'TOOL') toolCalls += 1;
      else requests += 1;
      if (!hits.has(hit.token)) hits.set(hit.token, hit);
      for (const wake of waiting.get(hit.token) ?? []) wake(hit);
      waiting.delete(hit.token);
    },
    waitFor: (token, { ms, signal }) => {
      const seen = hits.get(token);
      if (seen !== undefined || ms <= 0 || signal?.aborted === true) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const done = (hit: ExfilHit | undefined) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', stop);
          const list = waiting.get(token)?.filter((w) => w !== wake) ?? [];
          if (list.length === 0) waiting.delete(token);
          else waiting.set(token, list);
          resolve(hit);
        };
        const wake = (hit: ExfilHit) => done(hit);
        const stop = () => done(undefined);
        const timer = setTimeout(stop, ms);
        signal?.addEventListener('abort', stop, { once: true });
        waiting.set(token, [...(waiting.get(token) ?? []), wake]);
      });
    },
  };
}
