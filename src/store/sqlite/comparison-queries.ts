import type { CellComponents, NamedHash } from '../../core/counts.js';
import { namedHashes } from '../named-hashes.js';
import type { Db } from './db.js';

// Errors have no deciding scorer and stay out of the rate, so only tallies of attempts the machine decided name one.
const DECIDING_SCORER = `CASE WHEN x.machine_success + x.machine_failure > 0 THEN s.hash || ':' || s.name END`;

type CellRow = Omit<CellComponents, 'goals' | 'chains' | 'scorers'> & { goals: string; chains: string; scorers: string };

/** A json_group_array of 'hash:name' entries (nulls among them) as named hashes. */
function named(json: string): NamedHash[] {
  return namedHashes(JSON.parse(json) as (string | null)[]);
}

/**
 * Outcome counts per cell with the exact components behind them, aggregated in SQL: the technique hash, the
 * goal and converter-chain hashes attempted, and the scorers that decided the decided attempts.
 */
export function cellComponents(db: Db, runId: string): CellComponents[] {
  const rows = db.prepare(
    `SELECT t.name AS technique, t.registry_id AS techniqueId, t.hash AS techniqueHash, c.name AS chain, x.category, x.persona,
       SUM(x.success) AS success, SUM(x.failure) AS failure, SUM(x.error) AS error, SUM(x.unscored) AS unscored, SUM(x.reviewed) AS reviewed,
       json_group_array(DISTINCT g.hash ORDER BY g.hash) AS goals,
       json_group_array(DISTINCT c.hash || ':' || c.name ORDER BY c.hash || ':' || c.name) AS chains,
       json_group_array(DISTINCT ${DECIDING_SCORER} ORDER BY ${DECIDING_SCORER}) AS scorers
     FROM attempt_tallies x
     JOIN components t ON t.ref = x.technique_ref JOIN components g ON g.ref = x.goal_ref JOIN components c ON c.ref = x.chain_ref
     LEFT JOIN components s ON s.ref = x.scorer_ref
     WHERE x.run_id = ? GROUP BY x.technique_ref, x.chain_ref, x.category, x.persona ORDER BY t.name, c.name, x.category, x.persona`,
  ).all(runId) as CellRow[];
  return rows.map((row) => ({
    ...row,
    goals: JSON.parse(row.goals) as string[],
    chains: named(row.chains),
    scorers: named(row.scorers),
  }));
}
