import type { RedlineConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';
import { seededRandom } from '../core/random.js';
import type { TaxonomyTags } from '../core/taxonomy.js';
import { globMatches } from '../taxonomy/glob.js';

/** The `select` section of a configuration. */
export type Selection = RedlineConfig['select'];

const where = (file: string, path: string) => ({ file, path: `select.${path}` });

/** Whether any selection narrows the plan (a dry run says what was kept). */
export function selects(selection: Selection): boolean {
  return ['categories', 'techniques', 'converters', 'owasp', 'atlas', 'goalsSample'].some((key) => selection[key as keyof Selection] !== undefined);
}

/** OWASP ids match with or without their year (LLM01 matches LLM01:2025); ATLAS ids match their sub-techniques. */
function tagged(tags: TaxonomyTags, selection: Selection): boolean {
  const owasp = selection.owasp === undefined || selection.owasp.some((want) => tags.owasp.some((id) => id === want || id.split(':')[0] === want));
  const atlas = selection.atlas === undefined || selection.atlas.some((want) => tags.atlas.some((id) => id === want || id.startsWith(`${want}.`)));
  return owasp && atlas;
}

/** The techniques a selection keeps, by id glob and taxonomy; none kept is a configuration error listing the ids. */
export function selectTechniques<T extends { readonly id: string; readonly instance: string; readonly taxonomy: TaxonomyTags }>(techniques: readonly T[], selection: Selection, file: string): T[] {
  const kept = techniques.filter((t) => (selection.techniques === undefined || selection.techniques.some((glob) => globMatches(glob, t.id) || globMatches(glob, t.instance))) && tagged(t.taxonomy, selection));
  if (kept.length === 0) {
    const path = selection.techniques !== undefined ? 'techniques' : selection.owasp !== undefined ? 'owasp' : 'atlas';
    throw new ConfigError(`${file}: select.${path} keeps none of the configured techniques (${techniques.map((t) => `${t.instance} [${[...t.taxonomy.owasp, ...t.taxonomy.atlas].join(' ')}]`).join(', ')})`, {
      ...where(file, path), hint: 'choose among the techniques listed (globs like "xpia-*" work), or add techniques to the configuration',
    });
  }
  return kept;
}

/** The converter chains a selection keeps, by chain id glob. */
export function selectChains<C extends { readonly chain: { readonly id: string } }>(chains: readonly C[], selection: Selection, file: string): C[] {
  if (selection.converters === undefined) return [...chains];
  const kept = chains.filter((c) => selection.converters!.some((glob) => globMatches(glob, c.chain.id)));
  if (kept.length === 0) {
    throw new ConfigError(`${file}: select.converters keeps none of the configured chains (${chains.map((c) => c.chain.id).join(', ')})`, {
      ...where(file, 'converters'), hint: 'name chains by their ids as listed ("none" is the unconverted one)',
    });
  }
  return kept;
}

/**
 * The goals a selection keeps: by category glob, then a sample of `goalsSample`, stratified by category (each
 * category keeps its share, largest remainders first, at least one each while the sample allows) and seeded, so the
 * same configuration always draws the same goals; kept goals stay in their original order.
 */
export function selectGoals(goals: readonly Goal[], selection: Selection, file: string): Goal[] {
  const byCategory = selection.categories === undefined ? [...goals] : goals.filter((g) => selection.categories!.some((glob) => globMatches(glob, g.category)));
  if (byCategory.length === 0) {
    const categories = [...new Set(goals.map((g) => g.category))].sort();
    throw new ConfigError(`${file}: select.categories keeps none of the goals (their categories: ${categories.join(', ')})`, {
      ...where(file, 'categories'), hint: 'choose among the categories listed; globs like "self-*" work',
    });
  }
  const size = selection.goalsSample;
  if (size === undefined || size >= byCategory.length) return byCategory;
  const groups = new Map<string, Goal[]>();
  for (const goal of byCategory) groups.set(goal.category, [...(groups.get(goal.category) ?? []), goal]);
  const shares = [...groups].map(([category, members]) => ({ category, members, exact: (size * members.length) / byCategory.length }));
  const quota = new Map(shares.map((s) => [s.category, Math.floor(s.exact)]));
  let left = size - [...quota.values()].reduce((a, b) => a + b, 0);
  // Categories with nothing yet first, then the largest remainders; ties by name, so the split never depends on order.
  const order = [...shares].sort((a, b) => Number(quota.get(a.category)! > 0) - Number(quota.get(b.category)! > 0) || (b.exact % 1) - (a.exact % 1) || (a.category < b.category ? -1 : 1));
  for (const share of order) {
    if (left === 0) break;
    if (quota.get(share.category)! < share.members.length) {
      quota.set(share.category, quota.get(share.category)! + 1);
      left -= 1;
    }
  }
  const random = seededRandom(selection.sampleSeed);
  const chosen = new Set<Goal>();
  for (const { category, members } of shares) {
    // A seeded partial Fisher–Yates shuffle picks the category's quota.
    const pool = [...members];
    for (let i = 0; i < quota.get(category)!; i += 1) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      chosen.add(pool[i]!);
    }
  }
  return byCategory.filter((g) => chosen.has(g));
}

/** A plan larger than `maxAttempts` is refused before anything is stored or sent. */
export function assertPlanSize(planned: number, selection: Selection, file: string): void {
  if (selection.maxAttempts === undefined || planned <= selection.maxAttempts) return;
  throw new ConfigError(`${file}: the plan has ${planned} attempts, more than the limit of ${selection.maxAttempts} (select.maxAttempts, --max-attempts)`, {
    ...where(file, 'maxAttempts'), hint: 'narrow it (select.categories, techniques, converters, goalsSample; --dry-run shows the plan per cell) or raise the limit',
  });
}
