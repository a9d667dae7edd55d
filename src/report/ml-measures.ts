import type { MlMeasures } from '../core/ml.js';

const round = (value: number): string => String(Number(value.toPrecision(3)));

/** One line of what a classic-ML attempt measured: queries, labels, perturbation sizes against the bound, why it stopped. */
export function mlMeasuresLine(measures: MlMeasures): string {
  const facts = [`${measures.kind}`, `${measures.queries.toLocaleString('en-US')} queries`];
  if (measures.trueLabel !== undefined) facts.push(`true label ${measures.trueLabel}${measures.adversarialLabel === undefined ? '' : ` → ${measures.adversarialLabel}`}`);
  const sizes = measures.sizes;
  if (sizes !== undefined) {
    const parts = [
      ...(sizes.l2 === undefined ? [] : [`L2 ${round(sizes.l2)}`]),
      ...(sizes.linf === undefined ? [] : [`L∞ ${round(sizes.linf)}`]),
      ...(sizes.words === undefined ? [`L0 ${sizes.l0}`] : [`${sizes.l0} words (${round(100 * sizes.words)} %)`]),
    ];
    facts.push(parts.join(' · '));
  }
  if (measures.bound !== undefined) facts.push(`bound ${measures.bound.norm} ≤ ${round(measures.bound.epsilon)}`);
  for (const [name, value] of Object.entries(measures.figures ?? {})) facts.push(`${name} ${round(value)}`);
  if (measures.stopped !== undefined) facts.push(`stopped: ${measures.stopped}`);
  return facts.join('; ');
}
