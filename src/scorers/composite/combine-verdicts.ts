import type { Verdict } from '../../core/outcome.js';
import type { CompositeOp } from './composite-options.js';

/** A combined verdict and the rule that produced it, in words. */
export type Combined = { readonly verdict: Verdict; readonly rule: string };

/** Three-valued combination settings; `threshold` and `quorum` are read by their operators only. */
export type CombineOptions = {
  /** The operator. */
  readonly op: CompositeOp;
  /** The children's verdicts, in order. */
  readonly verdicts: readonly Verdict[];
  /** `threshold`: successes needed. */
  readonly threshold?: number | undefined;
  /** `majority`: decided children needed (default: more than half of them). */
  readonly quorum?: number | undefined;
};

/**
 * Combines verdicts in three-valued logic, so `unscored` propagates honestly: a result is decided only when the
 * unscored children could not change it.
 */
export function combineVerdicts(options: CombineOptions): Combined {
  const { op, verdicts } = options;
  const n = verdicts.length;
  const yes = verdicts.filter((v) => v === 'success').length;
  const no = verdicts.filter((v) => v === 'failure').length;
  const open = n - yes - no;
  switch (op) {
    case 'and':
      return no > 0 ? { verdict: 'failure', rule: `${no} of ${n} failed` }
        : open > 0 ? { verdict: 'unscored', rule: `none failed, ${open} unscored` }
        : { verdict: 'success', rule: `all ${n} succeeded` };
    case 'or':
      return yes > 0 ? { verdict: 'success', rule: `${yes} of ${n} succeeded` }
        : open > 0 ? { verdict: 'unscored', rule: `none succeeded, ${open} unscored` }
        : { verdict: 'failure', rule: `all ${n} failed` };
    case 'not': {
      const swapped: Record<Verdict, Verdict> = { success: 'failure', failure: 'success', unscored: 'unscored' };
      return { verdict: swapped[verdicts[0] ?? 'unscored'], rule: `the child was ${verdicts[0] ?? 'missing'}` };
    }
    case 'majority': {
      const quorum = options.quorum ?? Math.floor(n / 2) + 1;
      const tally = `${yes} succeeded, ${no} failed, ${open} unscored`;
      if (yes + no < quorum) return { verdict: 'unscored', rule: `${tally}: below the quorum of ${quorum} decided` };
      return yes > no ? { verdict: 'success', rule: `majority succeeded (${tally})` }
        : no > yes ? { verdict: 'failure', rule: `majority failed (${tally})` }
        : { verdict: 'unscored', rule: `a tie (${tally})` };
    }
    case 'threshold': {
      const k = options.threshold ?? n;
      return yes >= k ? { verdict: 'success', rule: `${yes} succeeded, ${k} needed` }
        : yes + open < k ? { verdict: 'failure', rule: `${yes} succeeded and ${open} unscored: ${k} is out of reach` }
        : { verdict: 'unscored', rule: `${yes} succeeded, ${k} needed, ${open} unscored could still decide it` };
    }
  }
}
