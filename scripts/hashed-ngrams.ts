// Experiment (scripts only): a logistic model over hashed word uni- and bigrams of the reply plus dense features,
// fitted by Adagrad SGD with per-example weights. Used by the source tables to see whether wording generalises.

/** Bucket count of the hashed n-grams. */
export const BUCKETS = 1 << 18;

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The distinct hashed uni- and bigrams of a text (lower-cased words). */
export function ngramBuckets(text: string, prefix = ''): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i < words.length; i += 1) {
    out.add(fnv(`${prefix}${words[i]}`) % BUCKETS);
    if (i + 1 < words.length) out.add(fnv(`${prefix}${words[i]} ${words[i + 1]}`) % BUCKETS);
  }
  return [...out];
}

/** A sparse-and-dense example. */
export type SparseExample = { readonly sparse: readonly number[]; readonly dense: readonly number[]; readonly y: 0 | 1; readonly weight: number };

/** A fitted model. */
export type SparseModel = { readonly sparse: Float64Array; readonly dense: number[]; readonly bias: number; readonly mean: number[]; readonly spread: number[] };

/** Fits by Adagrad SGD, deterministic order (a seeded shuffle per epoch). */
export function trainSparse(examples: readonly SparseExample[], options: { epochs: number; rate: number; l2: number }): SparseModel {
  const width = examples[0]?.dense.length ?? 0;
  const mean = Array.from({ length: width }, (_, j) => examples.reduce((s, e) => s + e.dense[j]!, 0) / examples.length);
  const spread = mean.map((m, j) => Math.sqrt(examples.reduce((s, e) => s + (e.dense[j]! - m) ** 2, 0) / examples.length) || 1);
  const sparse = new Float64Array(BUCKETS);
  const sparseG = new Float64Array(BUCKETS);
  const dense = new Array<number>(width).fill(0);
  const denseG = new Array<number>(width).fill(0);
  let bias = 0;
  let biasG = 0;
  const total = examples.reduce((s, e) => s + e.weight, 0);
  const order = examples.map((_, i) => i);
  let state = 12345;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const e = examples[index]!;
      const x = e.dense.map((v, j) => (v - mean[j]!) / spread[j]!);
      let z = bias;
      for (const b of e.sparse) z += sparse[b]!;
      x.forEach((v, j) => (z += v * dense[j]!));
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - e.y) * (e.weight * examples.length) / total;
      for (const b of e.sparse) {
        const grad = g + options.l2 * sparse[b]!;
        sparseG[b] += grad * grad;
        sparse[b] -= (options.rate * grad) / Math.sqrt(sparseG[b]! + 1e-8);
      }
      x.forEach((v, j) => {
        const grad = g * v + options.l2 * dense[j]!;
        denseG[j] += grad * grad;
        dense[j] -= (options.rate * grad) / Math.sqrt(denseG[j]! + 1e-8);
      });
      biasG += g * g;
      bias -= (options.rate * g) / Math.sqrt(biasG + 1e-8);
    }
  }
  return { sparse, dense, bias, mean, spread };
}

/** The model's probability for one example's features. */
export function sparseProbability(model: SparseModel, sparse: readonly number[], dense: readonly number[]): number {
  let z = model.bias;
  for (const b of sparse) z += model.sparse[b]!;
  dense.forEach((v, j) => (z += ((v - model.mean[j]!) / model.spread[j]!) * model.dense[j]!));
  return 1 / (1 + Math.exp(-z));
}
