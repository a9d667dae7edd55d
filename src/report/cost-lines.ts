import type { Cost } from '../core/cost.js';
import type { RunSummary } from '../stats/index.js';

const n = (value: number): string => Math.round(value).toLocaleString('en-US');

/** US dollars, with enough digits for small runs. */
export function formatUsd(usd: number): string {
  return usd >= 1 ? `$${usd.toFixed(2)}` : usd >= 0.01 ? `$${usd.toFixed(3)}` : `$${usd.toFixed(5)}`;
}

/** One line on what a run used and cost; says which figures are estimates and what has no price. */
export function costLine(cost: Cost): string {
  const target = `${n(cost.promptTokens)} prompt + ${n(cost.completionTokens)} completion target tokens${cost.estimated ? ' (partly estimated: the target reported no usage)' : ''}`;
  const attacker = cost.attackerTokens > 0 ? `, ${n(cost.attackerTokens)} attacker tokens (estimated)` : '';
  const usd = cost.usd !== null ? `; ${formatUsd(cost.usd)} at the configured prices` : `; no price for ${cost.unpriced.join(' and ')}: set pricing in the configuration for a cost`;
  return `Cost: ${target}${attacker}${cost.promptTokens + cost.completionTokens + cost.attackerTokens === 0 ? '' : usd}.`;
}

/** The cost line of a summary (none for a run that used no tokens). */
export function costLines(summary: RunSummary): string[] {
  const { cost } = summary;
  return cost.promptTokens + cost.completionTokens + cost.attackerTokens === 0 ? [] : [costLine(cost)];
}
