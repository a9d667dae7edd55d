import { createHash } from 'node:crypto';
import type { AttemptFacets } from '../core/attempt-query.js';
import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import type { HtmlReportInput } from '../report/html-report.js';
import { runPageInput, summarizeStoredRun } from './reports.js';

/**
 * What a long-lived reader (the dashboard) keeps between requests: each run's page data and facet counts, reused
 * until the run changes — an attempt recorded, a label given or taken back, a sample drawn, the status moved.
 * A million-attempt run's summary takes seconds of statistics (bootstrap and posterior draws); a cache hit is free.
 */
export type RunDataCache = {
  /** The run page's input for a run, computed once per version of its data. */
  runPage(store: RunStore, run: StoredRun): Promise<HtmlReportInput>;
  /** The run's facet counts, computed once per version of its data. */
  facets(store: RunStore, runId: string): Promise<AttemptFacets>;
};

/** A cheap fingerprint of everything a run's summary depends on (counts and labels, not the attempts themselves). */
async function dataVersion(store: RunStore, run: StoredRun): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${run.status}|${run.finishedAt ?? ''}|${await store.attempts.count(run.id)}|${(await store.reviews.sample(run.id)).length}`);
  for (const label of await store.reviews.labels(run.id)) hash.update(`|${label.seq}:${label.reviewer}:${label.verdict}:${label.labeledAt}`);
  return hash.digest('base64url');
}

/** A cache of the `size` most recently used runs' data. */
export function runDataCache(options: { size?: number } = {}): RunDataCache {
  const size = options.size ?? 4;
  const entries = new Map<string, { version: string; page?: Promise<HtmlReportInput>; facets?: Promise<AttemptFacets> }>();
  const entry = async (store: RunStore, run: StoredRun) => {
    const version = await dataVersion(store, run);
    let found = entries.get(run.id);
    if (found === undefined || found.version !== version) found = { version };
    entries.delete(run.id);
    entries.set(run.id, found);
    while (entries.size > size) entries.delete(entries.keys().next().value!);
    return found;
  };
  // A failed computation is not kept: the next request tries again.
  const keep = <T>(promise: Promise<T>, forget: () => void): Promise<T> => {
    promise.catch(forget);
    return promise;
  };
  return {
    runPage: async (store, run) => {
      const found = await entry(store, run);
      found.page ??= keep((async () => runPageInput({ store, run, summary: await summarizeStoredRun(store, run) }))(), () => delete found.page);
      return found.page;
    },
    facets: async (store, runId) => {
      const found = await entry(store, await store.runs.require(runId));
      found.facets ??= keep(store.attempts.facets(runId), () => delete found.facets);
      return found.facets;
    },
  };
}
