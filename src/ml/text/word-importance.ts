import type { Oracle } from '../../core/ml.js';

/**
 * How much each changeable word holds up the true class: the drop in its probability when the word is deleted
 * (DeepWordBug's "delete-one" score; PWWS's word saliency with the unknown word as blank). One query per word, in one batch.
 */
export async function deletionDrops(options: { readonly oracle: Oracle; readonly tokens: readonly string[]; readonly positions: readonly number[]; readonly label: number; readonly base: number }): Promise<number[]> {
  const texts = options.positions.map((p) => options.tokens.map((t, i) => (i === p ? '' : t)).join(''));
  if (texts.length === 0) return [];
  const predictions = await options.oracle.query(texts);
  return predictions.map((p) => options.base - (p.probabilities?.[options.label] ?? (p.label === options.label ? 1 : 0)));
}
