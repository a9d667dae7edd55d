import type { AttemptFacets, FacetValue } from '../core/attempt-query.js';

/** A run's tallies grouped by the filterable fields, names looked up: what facets are counted from. */
export type FacetTallyRow = {
  technique: string; chain: string; category: string; persona: string; decided: string | null;
  n: number; success: number; failure: number; error: number; unscored: number; reviewed: number;
};

/** The values each filterable field takes in a run, with counts, from its grouped tallies and its error kinds' counts. */
export function facetsFromTallies(rows: readonly FacetTallyRow[], errorKinds: readonly FacetValue[]): AttemptFacets {
  const tally = (pick: (row: FacetTallyRow) => string | null): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = pick(row);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + row.n);
    }
    return sorted(counts);
  };
  const outcomes = new Map<string, number>();
  for (const row of rows) for (const outcome of ['success', 'failure', 'error', 'unscored'] as const) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + row[outcome]);
  return {
    technique: tally((r) => r.technique), chain: tally((r) => r.chain), category: tally((r) => r.category), persona: tally((r) => r.persona),
    outcome: sorted(new Map([...outcomes].filter(([, n]) => n > 0))), decidedBy: tally((r) => r.decided ?? 'none'),
    errorKind: sorted(new Map(errorKinds.map((e) => [e.value, e.count]))), reviewed: rows.reduce((n, r) => n + r.reviewed, 0),
  };
}

function sorted(counts: ReadonlyMap<string, number>): FacetValue[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => x.value.localeCompare(y.value));
}
