import { defineScorer, type Scorer } from '../../core/score.js';
import { combineVerdicts } from './combine-verdicts.js';
import { compositeScorerOptions, type CompositeScorerOptions } from './composite-options.js';

/** Options of a composite scorer in code: its settings plus the built children. */
export type CompositeScorerSettings = Omit<CompositeScorerOptions, 'id' | 'of'> & { readonly of: readonly Scorer[] };

/** Combines other scorers with AND / OR / NOT / majority / threshold; `unscored` children propagate honestly. */
export const compositeScorer = defineScorer<CompositeScorerSettings, typeof compositeScorerOptions>({
  id: 'composite',
  summary: 'Combines other scorers (and / or / not / majority / threshold) in three-valued logic; unscored propagates.',
  version: 1,
  options: compositeScorerOptions,
  combines: true,
  create: ({ name, op, of, threshold, quorum }) => {
    const id = `composite:${name}`;
    return {
      id,
      score: async (input) => {
        const scores = await Promise.all(of.map(async (child) => child.score(input)));
        const { verdict, rule } = combineVerdicts({ op, verdicts: scores.map((s) => s.verdict), threshold, quorum });
        const children = scores.map((s) => `${s.scorerId}: ${s.verdict}`).join('; ');
        const decided = verdict === 'unscored' ? {} : { value: verdict === 'success' ? 1 : 0 };
        return { scorerId: id, verdict, label: `${op}-${verdict}`, ...decided, reason: `${op.toUpperCase()} → ${verdict}: ${rule} (${children}).` };
      },
    };
  },
});
