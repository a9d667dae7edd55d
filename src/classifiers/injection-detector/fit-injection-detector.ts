import { INJECTION_BUCKETS, injectionFeatures, PATTERN_COUNT, tokenWindows, windowBuckets, windowPatterns, type InjectionFeatures, type TokenWindow } from './injection-features.js';
import { sigmoid, windowLogit, type InjectionModel } from './injection-model.js';

/** One labelled input: a prompt or document, whether it carries an injection, and where the planted part is when known. */
export type LabeledText = {
  /** The input as a target would receive it. */
  readonly text: string;
  /** True for an injection (or jailbreak) attempt. */
  readonly injected: boolean;
  /** Character span of the planted instruction inside a document, when the set says where it is. */
  readonly planted?: { readonly start: number; readonly end: number };
};

/** A set of labelled inputs from one labelling effort; each source weighs the same in training. */
export type LabeledTextSource = {
  /** Short name, e.g. 'deepset'. */
  readonly name: string;
  /** Its inputs. */
  readonly texts: readonly LabeledText[];
};

/** How to fit: Adagrad SGD passes, step size and L2 strength. */
export type InjectionFitOptions = {
  /** Passes over the examples (seeded shuffle each pass). */
  readonly epochs: number;
  /** Adagrad step size. */
  readonly rate: number;
  /** L2 penalty per example. */
  readonly l2: number;
  /** At most this many windows of one long input (evenly spaced), so long inputs don't crowd out short ones. */
  readonly maxWindows: number;
  /** Windows kept of a long positive whose planted span is unknown, in the second pass. */
  readonly topWindows: number;
};

/** The fit the committed weights use. */
export const DEFAULT_INJECTION_FIT: InjectionFitOptions = { epochs: 8, rate: 0.05, l2: 1e-5, maxWindows: 12, topWindows: 2 };

/** One training window: its buckets (repeats kept), pattern signals, label and weight. */
type Example = { readonly buckets: Int32Array; readonly patterns: readonly number[]; readonly y: 0 | 1; readonly weight: number };

/** At most `limit` of the windows, evenly spaced, first and last kept. */
function spaced(windows: readonly TokenWindow[], limit: number): TokenWindow[] {
  if (windows.length <= limit) return [...windows];
  return Array.from({ length: limit }, (_, i) => windows[Math.round((i * (windows.length - 1)) / (limit - 1))]!);
}

/** Picks which windows of an input to train on. */
type WindowChoice = (features: InjectionFeatures, windows: readonly TokenWindow[], injected: boolean) => readonly TokenWindow[];

/**
 * The training windows of one input. A document with a known planted span gives the windows holding at least half
 * of it (its other windows are plain context, which the clean copy of the document already teaches); a long positive
 * with no known span, and a long negative, give the windows `choose` picks (all of them in the first pass).
 */
function textExamples(item: LabeledText, weight: number, options: { maxWindows: number; choose: WindowChoice }): Example[] {
  const features = injectionFeatures(item.text);
  let windows = tokenWindows(features.tokens.length);
  const planted = item.planted;
  if (item.injected && planted !== undefined) {
    const inside = features.tokens.map((t, i) => (t.start < planted.end && t.end > planted.start ? i : -1)).filter((i) => i >= 0);
    const need = Math.max(1, Math.min(inside.length, windows[0]!.end - windows[0]!.start) / 2);
    windows = windows.filter((w) => inside.filter((i) => i >= w.start && i < w.end).length >= need);
  } else if (windows.length > 1) {
    windows = [...options.choose(features, windows, item.injected)];
  }
  const kept = spaced(windows, options.maxWindows);
  return kept.map((window) => ({
    buckets: Int32Array.from(windowBuckets(features, window)),
    patterns: windowPatterns(features, window),
    y: item.injected ? 1 : 0,
    weight: weight / kept.length,
  }));
}

/** The windows of every source, each source weighing 1 in total and each of its inputs the same share. */
function examples(sources: readonly LabeledTextSource[], options: { maxWindows: number; choose: WindowChoice }): Example[] {
  return sources.flatMap((source) => source.texts.flatMap((item) => textExamples(item, 1 / source.texts.length, options)));
}

/**
 * Fits the detector in two passes (multiple-instance learning, matching the max over windows it is read with): the
 * first trains on every window of every input; the second keeps, of each long positive with no known planted span,
 * its `topWindows` highest-scoring windows under the first model (so the generic text around a jailbreak's override
 * is not taught as injection), and of each long negative its `maxWindows` highest-scoring ones (the windows that
 * would raise a false alarm).
 */
export function fitInjectionDetector(sources: readonly LabeledTextSource[], options: InjectionFitOptions = DEFAULT_INJECTION_FIT): InjectionModel {
  const first = fitWindows(examples(sources, { maxWindows: options.maxWindows, choose: (_, windows) => windows }), options);
  const choose: WindowChoice = (features, windows, injected) =>
    windows.map((w) => ({ w, z: windowLogit(first, features, w) })).sort((a, b) => b.z - a.z || a.w.start - b.w.start)
      .slice(0, injected ? options.topWindows : options.maxWindows).map((s) => s.w);
  return fitWindows(examples(sources, { maxWindows: options.maxWindows, choose }), options);
}

/**
 * Logistic regression over windows by Adagrad SGD from zero, in a seeded order, so a fit on the same inputs gives the
 * same weights. Bucket features enter as weight sum / sqrt(count), as `windowLogit` reads them.
 */
function fitWindows(data: readonly Example[], options: InjectionFitOptions): InjectionModel {
  const weights = new Float64Array(INJECTION_BUCKETS);
  const weightsG = new Float64Array(INJECTION_BUCKETS);
  const patterns = new Array<number>(PATTERN_COUNT).fill(0);
  const patternsG = new Array<number>(PATTERN_COUNT).fill(0);
  let bias = 0;
  let biasG = 0;
  const total = data.reduce((s, e) => s + e.weight, 0);
  const order = data.map((_, i) => i);
  let state = 12345;
  const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const step = (g: number, sumG: number): number => (options.rate * g) / Math.sqrt(sumG + 1e-8);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const e = data[index]!;
      const scale = e.buckets.length === 0 ? 0 : 1 / Math.sqrt(e.buckets.length);
      let sum = 0;
      for (const b of e.buckets) sum += weights[b]!;
      let z = bias + sum * scale;
      e.patterns.forEach((v, p) => (z += v * patterns[p]!));
      const g = ((sigmoid(z) - e.y) * e.weight * data.length) / total;
      for (const b of e.buckets) {
        const grad = g * scale + options.l2 * weights[b]!;
        weightsG[b] = weightsG[b]! + grad * grad;
        weights[b] = weights[b]! - step(grad, weightsG[b]!);
      }
      e.patterns.forEach((v, p) => {
        const grad = g * v + options.l2 * patterns[p]!;
        patternsG[p] = patternsG[p]! + grad * grad;
        patterns[p] = patterns[p]! - step(grad, patternsG[p]!);
      });
      biasG += g * g;
      bias -= step(g, biasG);
    }
  }
  return { weights, patterns, bias };
}
