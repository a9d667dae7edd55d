import type { Persona } from '../../core/outcome.js';
import type { SampleCellCounts } from '../../core/review-sample.js';
import { run, type Pg } from './db.js';

type SampledRow = { technique_ref: number; chain_ref: number; category: string; persona: Persona; drawn: number; ss: number; sf: number; fs: number; ff: number };
type CellRow = { technique_ref: number; chain_ref: number; technique: string; chain: string; category: string; persona: Persona; ms: number; mf: number };

const cellKey = (c: { technique_ref: number; chain_ref: number; category: string; persona: string }) => `${c.technique_ref}\u0000${c.chain_ref}\u0000${c.category}\u0000${c.persona}`;

/** Per cell: the judge's decided verdicts over every attempt, and the review sample's human labels by verdict. */
export async function sampledCells(db: Pg, runId: string): Promise<SampleCellCounts[]> {
  const action = `count the review sample of run ${runId}`;
  const labeled = (stratum: string, verdict: string) => `COUNT(*) FILTER (WHERE s.stratum = '${stratum}' AND r.verdict = '${verdict}')`;
  const sampled = await run<SampledRow>(db, {
    action,
    sql: `SELECT a.technique_ref, a.chain_ref, a.category, a.persona, COUNT(*) AS drawn,
                 ${labeled('success', 'success')} AS ss, ${labeled('success', 'failure')} AS sf, ${labeled('failure', 'success')} AS fs, ${labeled('failure', 'failure')} AS ff
          FROM review_samples s JOIN attempts a ON a.id = s.attempt_id LEFT JOIN reviews r ON r.attempt_id = a.id
          WHERE s.run_id = $1 GROUP BY a.technique_ref, a.chain_ref, a.category, a.persona`,
    params: [runId],
  });
  if (sampled.length === 0) return [];
  const byCell = new Map(sampled.map((c) => [cellKey(c), c]));
  const cells = await run<CellRow>(db, {
    action,
    sql: `SELECT x.technique_ref, x.chain_ref, t.name AS technique, c.name AS chain, x.category, x.persona, x.ms, x.mf
          FROM (SELECT technique_ref, chain_ref, category, persona, SUM(machine_success) AS ms, SUM(machine_failure) AS mf
                FROM attempt_tallies WHERE run_id = $1 GROUP BY technique_ref, chain_ref, category, persona) x
            JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref
          ORDER BY t.name, c.name, x.category, x.persona`,
    params: [runId],
  });
  return cells.map(({ technique_ref, chain_ref, ms, mf, ...cell }) => {
    const s = byCell.get(cellKey({ technique_ref, chain_ref, category: cell.category, persona: cell.persona }));
    // A cell none of whose attempts was drawn, or whose drawn attempts are not labeled yet, counts zero labels.
    const n = (v: number | undefined): number => v ?? 0;
    return {
      ...cell, drawn: n(s?.drawn), machine: { success: ms, failure: mf },
      labeled: { success: { success: n(s?.ss), failure: n(s?.sf) }, failure: { success: n(s?.fs), failure: n(s?.ff) } },
    };
  });
}
