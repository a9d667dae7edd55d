// DeepWordBug: Gao, Lanchantin, Soffa & Qi, "Black-box Generation of Adversarial Text Sequences to Evade Deep Learning
// Classifiers", IEEE S&P Workshops 2018 — delete-one word scores, then character edits on the most important words.
import { z } from 'zod';
import { QueryBudgetSpent, type EvasionAttack, type EvasionResult, type MlAttackInfo, type ProgressPoint } from '../../core/ml.js';
import type { Random } from '../../core/random.js';
import { changeable, textConstraints, tokenize, wordCount } from './text-constraints.js';
import { deletionDrops } from './word-importance.js';

/** DeepWordBug's options: the constraints it keeps. */
export const deepWordBugOptions = textConstraints;

/** What `redline ml attacks` says about DeepWordBug. */
export const DEEP_WORD_BUG: MlAttackInfo = {
  id: 'deep-word-bug',
  summary: 'Score-based text evasion: scores words by deleting each, then misspells the most important ones (swap, substitute, delete, insert a character).',
  access: 'scores',
  modalities: ['text'],
  norm: 'words',
  source: 'Gao et al., DeepWordBug, IEEE S&P Workshops 2018 (arXiv:1801.04354)',
  taxonomy: { atlas: ['AML.T0015', 'AML.T0043.001', 'AML.T0040'], owasp: [] },
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The four one-edit misspellings of a word (Damerau distance 1), drawn at random positions. */
function misspellings(word: string, random: Random): string[] {
  const at = (n: number) => Math.floor(random() * n);
  const out = new Set<string>();
  if (word.length >= 2) {
    const i = at(word.length - 1);
    out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  const s = at(word.length);
  out.add(word.slice(0, s) + LETTERS[at(26)] + word.slice(s + 1));
  const d = at(word.length);
  out.add(word.slice(0, d) + word.slice(d + 1));
  const n = at(word.length + 1);
  out.add(word.slice(0, n) + LETTERS[at(26)] + word.slice(n));
  out.delete(word);
  return [...out];
}

/** DeepWordBug under explicit constraints: at most `maxPerturbedFraction` of the words, one edit each, stop words kept. */
export function deepWordBug(constraints: z.output<typeof deepWordBugOptions>): EvasionAttack {
  return {
    id: DEEP_WORD_BUG.id,
    async run({ sample, oracle, random, signal }): Promise<EvasionResult> {
      if (typeof sample.input !== 'string') throw new TypeError('deep-word-bug attacks text');
      const tokens = tokenize(sample.input);
      const total = Math.max(1, wordCount(tokens));
      const limit = Math.floor(constraints.maxPerturbedFraction * total);
      const progress: ProgressPoint[] = [];
      try {
        const [first] = await oracle.query([sample.input]);
        let probability = first!.probabilities?.[sample.label];
        if (probability === undefined) return { progress, stopped: 'the victim gave no class probabilities' };
        const positions = changeable(tokens, constraints);
        const drops = await deletionDrops({ oracle, tokens, positions, label: sample.label, base: probability });
        const order = positions.map((p, k) => ({ p, drop: drops[k]! })).sort((a, b) => b.drop - a.drop);
        const current = [...tokens];
        let changed = 0;
        for (const { p } of order) {
          if (signal.aborted) return { progress, stopped: 'stopped' };
          if (changed >= limit) return { progress, stopped: `the ${Math.round(100 * constraints.maxPerturbedFraction)} % word limit reached` };
          const candidates = misspellings(tokens[p]!, random);
          const texts = candidates.map((c) => current.map((t, i) => (i === p ? c : t)).join(''));
          const predictions = await oracle.query(texts);
          let best = -1;
          predictions.forEach((pr, k) => {
            const q = pr.probabilities![sample.label]!;
            if (q < probability! && (best < 0 || q < predictions[best]!.probabilities![sample.label]!)) best = k;
          });
          if (best < 0) continue;
          current[p] = candidates[best]!;
          changed += 1;
          probability = predictions[best]!.probabilities![sample.label]!;
          if (predictions[best]!.label !== sample.label) {
            progress.push({ queries: oracle.used, distance: changed / total });
            return { adversarial: current.join(''), progress, stopped: 'label changed' };
          }
        }
        return { progress, stopped: 'every changeable word tried' };
      } catch (error) {
        if (!(error instanceof QueryBudgetSpent)) throw error;
        return { progress, stopped: `query budget of ${error.budget} spent` };
      }
    },
  };
}
