import type { CellComponents } from '../../core/counts.js';
import { namedHashes } from '../named-hashes.js';
import { run, type Pg } from './db.js';

// Errors have no deciding scorer and stay out of the rate, so only tallies of attempts the machine decided name one.
const DECIDING_SCORER = `CASE WHEN x.machine_success + x.machine_failure > 0 THEN s.hash || ':' || s.name END`;

type CellRow = Omit<CellComponents, 'goals' | 'chains' | 'scorers'> & { goals: string[]; chains: (string | null)[]; scorers: (string | null)[] };

/**
 * Outcome counts per cell with the exact components behind them: the technique hash, the goal and converter-chain
 * hashes attempted, and the scorers that decided the decided attempts.
 */
export async function cellComponents(db: Pg, runId: string): Promise<CellComponents[]> {
  const rows = await run<CellRow>(db, {
    action: `compare the cells of run ${runId}`,
    sql: `SELECT t.name AS technique, t.registry_id AS "techniqueId", t.hash AS "techniqueHash", c.name AS chain, x.category, x.persona,
            SUM(x.success) AS success, SUM(x.failure) AS failure, SUM(x.error) AS error, SUM(x.unscored) AS unscored, SUM(x.reviewed) AS reviewed,
            array_agg(DISTINCT g.hash ORDER BY g.hash) AS goals,
            array_agg(DISTINCT c.hash || ':' || c.name ORDER BY c.hash || ':' || c.name) AS chains,
            array_agg(DISTINCT ${DECIDING_SCORER} ORDER BY ${DECIDING_SCORER}) AS scorers
          FROM attempt_tallies x
            JOIN components t ON t.ref = x.technique_ref JOIN components g ON g.ref = x.goal_ref JOIN components c ON c.ref = x.chain_ref
            LEFT JOIN components s ON s.ref = x.scorer_ref
          WHERE x.run_id = $1 GROUP BY t.ref, c.ref, x.category, x.persona ORDER BY t.name, c.name, x.category, x.persona`,
    params: [runId],
  });
  return rows.map((row) => ({ ...row, chains: namedHashes(row.chains), scorers: namedHashes(row.scorers) }));
}
