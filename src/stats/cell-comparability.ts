// Cells are comparable when the same components produced them: ids can stay while wording changes, hashes cannot.
import type { CellComponents, NamedHash } from '../core/counts.js';

export type { CellComponents, NamedHash } from '../core/counts.js';

const short = (hash: string): string => `${hash.slice(0, 8)}…`;

/** How two lists of named components differ, e.g. 'base64 hash 1a2b3c4d… vs 5e6f7a8b…; only in B: rot13'. */
function componentChange(a: readonly NamedHash[], b: readonly NamedHash[]): string | undefined {
  const inB = new Map(b.map((c) => [c.name, c.hash]));
  const namesA = new Set(a.map((c) => c.name));
  const parts = a.flatMap((c) => {
    const other = inB.get(c.name);
    if (other === undefined) return [`only in A: ${c.name}`];
    return other === c.hash ? [] : [`${c.name} hash ${short(c.hash)} vs ${short(other)}`];
  });
  parts.push(...b.filter((c) => !namesA.has(c.name)).map((c) => `only in B: ${c.name}`));
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** Why the same cell of two runs cannot be compared (every reason, '; '-joined), or undefined when it can. */
export function whyNotComparable(a: CellComponents, b: CellComponents): string | undefined {
  const reasons: string[] = [];
  if (a.techniqueHash !== b.techniqueHash) reasons.push(`technique changed: ${a.technique} hash ${short(a.techniqueHash)} vs ${short(b.techniqueHash)}`);
  const chains = componentChange(a.chains, b.chains);
  if (chains !== undefined) reasons.push(`converter chains changed: ${chains}`);
  const [goalsA, goalsB] = [new Set(a.goals), new Set(b.goals)];
  const [onlyA, onlyB] = [a.goals.filter((g) => !goalsB.has(g)), b.goals.filter((g) => !goalsA.has(g))];
  if (onlyA.length + onlyB.length > 0) reasons.push(`goal set differs: ${onlyA.length} only in A, ${onlyB.length} only in B`);
  const scorers = componentChange(a.scorers, b.scorers);
  if (scorers !== undefined) reasons.push(`scorer changed: ${scorers}`);
  if (reasons.length === 0 && a.success + a.failure === 0) reasons.push('no decided attempts in run A');
  if (reasons.length === 0 && b.success + b.failure === 0) reasons.push('no decided attempts in run B');
  return reasons.length === 0 ? undefined : reasons.join('; ');
}
