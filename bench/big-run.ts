// A stored run of N attempts (default 1M) written through the real RunStore, cached on disk for the dashboard bench.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/api/open-store.js';
import type { StoredRun } from '../src/core/run.js';
import type { SampleItem } from '../src/core/review-sample.js';
import { deriveSeed, seededRandom } from '../src/core/random.js';
import { migrations } from '../src/store/sqlite/migrations.js';
import { bigRunAttempt, bigRunComponents, bigRunHashes, POSITIONS_PER_TRIAL } from './big-run-plan.js';

/** Bumped whenever the fixture's content changes, so a cached file of another shape is never reused. */
export const BIG_RUN_VERSION = 1;

/** The run id of the fixture. */
export const BIG_RUN_ID = 'r-bench-big';

/** Where and how large. */
export type BigRunOptions = {
  /** Attempts (default 1,000,000). */
  readonly attempts?: number;
  /** Folder of cached fixtures (default bench/.cache). */
  readonly cacheDir: string;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
};

/** A fixture ready to open. */
export type BigRun = {
  /** The SQLite file. */
  readonly file: string;
  /** The run's id. */
  readonly runId: string;
  /** Attempts stored. */
  readonly attempts: number;
  /** Milliseconds spent writing it now; undefined when it came from the cache. */
  readonly generatedMs?: number;
  /** Size of the file, bytes. */
  readonly bytes: number;
};

const SEED = 20_260_101;
// Reviews spread over the run, and a review sample of which about two thirds are labeled.
const REVIEWS = 300;
const SAMPLE = 400;

function runOf(attempts: number): StoredRun {
  return {
    id: BIG_RUN_ID, targetId: 'openai:bench-model@127.0.0.1', simulated: false, status: 'running', seed: SEED, planned: attempts,
    createdAt: 1_800_000_000_000, trials: Math.max(1, Math.ceil(attempts / POSITIONS_PER_TRIAL)), baseDir: '/tmp', redlineVersion: 'bench',
    config: { target: { type: 'openai', model: 'bench-model' }, trials: Math.ceil(attempts / POSITIONS_PER_TRIAL), scoring: { scorers: ['refusal', 'canary', 'objective'] } },
    hashes: { target: 'b3nchb3nchb3nch0', goals: 'b1gg0a1sb1gg0a1s', ...bigRunHashes() },
  };
}

async function generate(file: string, attempts: number, log: (line: string) => void): Promise<void> {
  const store = openStore(file);
  try {
    const components = bigRunComponents();
    const run = runOf(attempts);
    await store.runs.create({ run, components: components.specs });
    const writer = await store.attempts.openWriter({ run, components: components.refs, batching: { size: 2_000, maxDelayMs: 60_000 } });
    for (let seq = 0; seq < attempts; seq += 1) {
      writer.record(bigRunAttempt({ seq, seed: SEED, components }));
      if (seq % 100_000 === 99_999) log(`  ${seq + 1} attempts written`);
    }
    await writer.flush();
    const random = seededRandom(deriveSeed(SEED, 'reviews'));
    const candidates = await store.reviews.candidates(run.id);
    // A stratified sample by the judge's verdict, as `redline review --sample` draws it.
    const items: SampleItem[] = [];
    const taken = new Set<number>();
    for (let position = 0; position < Math.min(SAMPLE, candidates.length); position += 1) {
      const stratum = position % 2 === 0 ? 'success' : 'failure';
      let pick = candidates[Math.floor(random() * candidates.length)]!;
      for (let tries = 0; (pick.verdict !== stratum || taken.has(pick.seq)) && tries < 1_000; tries += 1) pick = candidates[Math.floor(random() * candidates.length)]!;
      if (taken.has(pick.seq)) continue;
      taken.add(pick.seq);
      items.push({ seq: pick.seq, stratum: pick.verdict, position: items.length });
    }
    await store.reviews.addToSample({ runId: run.id, items, seed: SEED, drawnAt: 1_800_100_000_000 });
    const labeled = items.slice(0, Math.floor((items.length * 2) / 3));
    for (const item of labeled) {
      // The judge is right about four times in five.
      const verdict = random() < 0.8 ? item.stratum : item.stratum === 'success' ? 'failure' : 'success';
      await store.reviews.set({ runId: run.id, seq: item.seq, review: { verdict, reviewer: 'bench', reviewedAt: 1_800_100_000_000 + item.position } });
    }
    for (let i = 0; i < Math.min(REVIEWS, attempts); i += 1) {
      const seq = Math.floor(random() * attempts);
      await store.reviews.set({ runId: run.id, seq, review: { verdict: random() < 0.5 ? 'success' : 'failure', note: 'spot check', reviewedAt: 1_800_200_000_000 + i } });
    }
    await store.runs.setStatus({ id: run.id, status: 'completed', at: 1_800_000_000_000 + attempts * 10 + 1_000 });
  } finally {
    await store.close();
  }
}

/**
 * The cached fixture of `attempts` attempts, written first when missing: one completed run through the real store
 * (8 techniques, two multi-turn; 3 converter chains; 8 categories; both personas; errors, unscored and
 * content-filtered replies; 3 scorers per reply; human reviews and a review sample).
 */
export async function bigRun(options: BigRunOptions): Promise<BigRun> {
  const attempts = options.attempts ?? 1_000_000;
  const log = options.log ?? ((): void => undefined);
  mkdirSync(options.cacheDir, { recursive: true });
  // Keyed by the schema's steps too: a file written before a migration was added would skip it (e.g. one merged
  // between two released steps) if opened later, so each schema gets its own fixture.
  const file = join(options.cacheDir, `big-run-v${BIG_RUN_VERSION}-s${migrations.length}-${attempts}.db`);
  let generatedMs: number | undefined;
  if (!existsSync(file)) {
    // Written under another name and renamed when complete, so an interrupted generation is never taken for a fixture.
    const partial = `${file}.partial`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    log(`writing a ${attempts}-attempt run to ${file} (once; cached)…`);
    const t0 = performance.now();
    await generate(partial, attempts, log);
    generatedMs = performance.now() - t0;
    renameSync(partial, file);
  }
  return { file, runId: BIG_RUN_ID, attempts, ...(generatedMs === undefined ? {} : { generatedMs }), bytes: statSync(file).size };
}
