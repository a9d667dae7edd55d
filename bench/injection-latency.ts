import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { injectionDetector } from '../src/classifiers/injection-detector/injection-detector-classifier.js';
import { bipiaSplit, injectionSources } from '../scripts/injection-sources.js';

/** The injection detector's per-input latency. */
export type InjectionLatency = {
  /** Inputs timed. */
  readonly inputs: number;
  /** Where they came from: the public sets under ../shared/datasets, or generated text when those are absent. */
  readonly from: 'datasets' | 'generated';
  /** Median ms per input. */
  readonly medianMs: number;
  /** 95th percentile ms per input. */
  readonly p95Ms: number;
  /** Slowest input, ms. */
  readonly maxMs: number;
};

const DATASETS = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

/** Short prompts and long documents with a planted sentence, made up deterministically (when the datasets are absent). */
function generated(count: number): string[] {
  const words = 'the report meeting budget please summarise email table invoice customer order shipped yesterday ignore previous instructions system prompt reveal'.split(' ');
  return Array.from({ length: count }, (_, i) => {
    const length = i % 10 === 0 ? 600 : 5 + (i % 40);
    return Array.from({ length }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ');
  });
}

/** Times the detector on each input once, after a warm-up pass over the first few hundred. */
export function measureInjectionLatency(): InjectionLatency {
  const fromDatasets = existsSync(DATASETS);
  const texts = fromDatasets ? [...injectionSources(DATASETS), bipiaSplit(DATASETS, 'test')].flatMap((s) => s.texts.map((t) => t.text)) : generated(4000);
  const detector = injectionDetector.create({ id: 'injection-detector' }, {});
  for (const text of texts.slice(0, 300)) detector.classify(text);
  const times = texts.map((text) => {
    const t0 = performance.now();
    detector.classify(text);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { inputs: texts.length, from: fromDatasets ? 'datasets' : 'generated', medianMs: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1]! };
}
