import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withStore } from '../src/api/open-store.js';
import { runSlice } from '../src/api/run-slice.js';
import { scan } from '../src/api/scan.js';
import { startRun } from '../src/api/start-run.js';
import { seededRandom } from '../src/core/random.js';
import type { AttemptView } from '../src/core/run-store.js';
import { storedAttempts } from './support/stored-attempts.js';

// 2,000 attempts on the demo target: four single-turn framings and a multi-turn one, each with and without base64.
const CONFIG = {
  target: { type: 'demo', defense: 'medium' },
  techniques: ['role-play', 'context-building', 'instruction-override', 'prefix-injection', 'refusal-suppression'],
  converters: [[], ['base64']],
  trials: 25,
  seed: 42,
  concurrency: 16,
};

/** Everything stored about an attempt but wall-clock times and latencies. */
function row(view: AttemptView): unknown {
  const events = view.events.map((e) => (e.type === 'target-call' ? { ...e, latencyMs: 0 } : e));
  const measures = view.measures === undefined ? undefined : { ...view.measures, startedAt: 0, finishedAt: 0, latencyMs: 0 };
  return { ...view, events, measures };
}

/** Plan positions 0..size-1 cut into `count` slices of random sizes, each slice in random order, the slices shuffled. */
function randomSlices(size: number, count: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const seqs = shuffle(Array.from({ length: size }, (_, i) => i));
  const cuts = shuffle(Array.from({ length: size - 1 }, (_, i) => i + 1)).slice(0, count - 1).sort((a, b) => a - b);
  return shuffle([0, ...cuts].map((start, i) => seqs.slice(start, cuts[i] ?? size)));
}

describe('a run executed as slices', () => {
  it('stores, row for row, exactly what one whole run stores: 2,000 attempts as 7 random slices in random order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-slices-'));
    const whole = await scan({ baseDir: dir, database: join(dir, 'whole.db'), config: CONFIG, reports: { json: false, html: false } });
    expect(whole.run.planned).toBe(2000);

    const sliced = join(dir, 'sliced.db');
    const { run } = await withStore(sliced, (store) => startRun(store, { config: CONFIG, baseDir: dir }));
    expect(run.planned).toBe(2000);
    const slices = randomSlices(run.planned, 7, 7);
    expect(slices.map((s) => s.length).reduce((a, b) => a + b, 0)).toBe(2000);
    // Two workers at once, each taking slices in turn: any split, any order, interleaved writes.
    const queue = [...slices];
    const worker = async (): Promise<void> => {
      for (let seqs = queue.shift(); seqs !== undefined; seqs = queue.shift()) {
        const result = await withStore(sliced, (store) => runSlice(store, { runId: run.id, seqs }));
        expect(result.recorded).toBe(seqs.length);
      }
    };
    await Promise.all([worker(), worker()]);
    // A slice run again over positions already stored sends nothing and stores nothing twice.
    const again = await withStore(sliced, (store) => runSlice(store, { runId: run.id, seqs: slices[0]! }));
    expect(again.recorded).toBe(0);

    const a = await storedAttempts(whole.database);
    const b = await storedAttempts(sliced);
    expect(b).toHaveLength(2000);
    expect(b.map((v) => v.seq)).toEqual(a.map((v) => v.seq));
    for (let i = 0; i < a.length; i += 1) expect(row(b[i]!)).toEqual(row(a[i]!));
    // The summaries agree too (the run ids and times aside).
    const cells = await withStore(sliced, (store) => store.aggregates.cells(run.id));
    const wholeCells = await withStore(whole.database, (store) => store.aggregates.cells(whole.run.id));
    expect(cells).toEqual(wholeCells);
    expect(a.filter((v) => v.technique === 'context-building' && v.chainId === 'base64').length).toBeGreaterThan(0);
  });
});
