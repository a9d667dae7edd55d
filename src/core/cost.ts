import type { TokenCounts } from './counts.js';
import type { Usage } from './target.js';

/** A price in US dollars per million tokens. */
export type Price = { readonly input: number; readonly output: number };

/** The prices a run's cost is figured with: the target's, and the attacker model's. */
export type RunPrices = { readonly target?: Price; readonly attacker?: Price };

/** What a group of attempts cost: its tokens, and US dollars when every role that used tokens has a price. */
export type Cost = {
  /** Target prompt tokens. */
  readonly promptTokens: number;
  /** Target completion tokens. */
  readonly completionTokens: number;
  /** Attacker model tokens (estimated: characters / 4). */
  readonly attackerTokens: number;
  /** True when part of the target's tokens are estimates (it reported no usage). */
  readonly estimated: boolean;
  /** US dollars, or null when a role that used tokens has no price (named in `unpriced`). */
  readonly usd: number | null;
  /** Roles that used tokens but have no price. */
  readonly unpriced: readonly ('target' | 'attacker')[];
};

/** US dollars a usage costs at a price. */
export function costOf(price: Price, usage: Pick<Usage, 'promptTokens' | 'completionTokens'>): number {
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
}

/** The cost of tokens at a run's prices. Attacker tokens are priced as a half-and-half split of prompt and completion. */
export function costFor(tokens: TokenCounts | undefined, prices: RunPrices): Cost {
  const t = tokens ?? { prompt: 0, completion: 0, attacker: 0, estimatedAttempts: 0 };
  const unpriced: ('target' | 'attacker')[] = [];
  if (t.prompt + t.completion > 0 && prices.target === undefined) unpriced.push('target');
  if (t.attacker > 0 && prices.attacker === undefined) unpriced.push('attacker');
  const usd = unpriced.length > 0 ? null
    : (prices.target === undefined ? 0 : costOf(prices.target, { promptTokens: t.prompt, completionTokens: t.completion }))
      + (prices.attacker === undefined ? 0 : costOf(prices.attacker, { promptTokens: t.attacker / 2, completionTokens: t.attacker / 2 }));
  return { promptTokens: t.prompt, completionTokens: t.completion, attackerTokens: t.attacker, estimated: t.estimatedAttempts > 0, usd, unpriced };
}

/** Adds token counts. */
export function addTokens(a: TokenCounts | undefined, b: TokenCounts | undefined): TokenCounts {
  return {
    prompt: (a?.prompt ?? 0) + (b?.prompt ?? 0), completion: (a?.completion ?? 0) + (b?.completion ?? 0),
    attacker: (a?.attacker ?? 0) + (b?.attacker ?? 0), estimatedAttempts: (a?.estimatedAttempts ?? 0) + (b?.estimatedAttempts ?? 0),
  };
}
