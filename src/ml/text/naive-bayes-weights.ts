import type { NaiveBayes } from './naive-bayes.js';

/** A naive-Bayes model as committed: its vocabulary (space-separated), priors and float32 log-likelihoods in base64. */
export type PackedNaiveBayes = { readonly vocabulary: string; readonly logPriors: readonly number[]; readonly logLikelihoods: string };

/** Packs a naive-Bayes model for committing. */
export function packNaiveBayes(model: NaiveBayes): PackedNaiveBayes {
  const bytes = Buffer.from(model.logLikelihoods.buffer, model.logLikelihoods.byteOffset, model.logLikelihoods.byteLength);
  return { vocabulary: model.vocabulary.join(' '), logPriors: Array.from(model.logPriors), logLikelihoods: bytes.toString('base64') };
}

/** Unpacks committed weights. */
export function unpackNaiveBayes(packed: PackedNaiveBayes): NaiveBayes {
  const bytes = Buffer.from(packed.logLikelihoods, 'base64');
  return {
    vocabulary: packed.vocabulary.split(' '), logPriors: Float32Array.from(packed.logPriors),
    logLikelihoods: new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
  };
}

