import { severityRank } from '../taxonomy/severity.js';
import type { CellVerdict } from './gates/gate.js';

/** Orders verdicts by concern: cells failing a gate first, then the most severe, then the highest possible rate. */
export function byConcern(a: CellVerdict, b: CellVerdict): number {
  const rank = (v: CellVerdict) => (v.finding.severity === null ? -1 : severityRank(v.finding.severity));
  return Number(b.failures.length > 0) - Number(a.failures.length > 0) || rank(b) - rank(a) || (b.finding.cell.ciHigh ?? 0) - (a.finding.cell.ciHigh ?? 0);
}

/** The verdicts a findings list shows: measured cells with an observed success or a failed gate, most concerning first. */
export function shownFindings(verdicts: readonly CellVerdict[]): CellVerdict[] {
  return verdicts.filter((v) => v.finding.status !== 'undecided' && (v.finding.status === 'observed' || v.failures.length > 0)).sort(byConcern);
}
