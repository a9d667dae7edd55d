import type { CellComponents, NamedHash } from '../../core/counts.js';
import { OUTCOME_COUNTS, REVIEW_JOIN } from './effective-outcome.js';
import type { Db } from './db.js';

// Errors have no deciding scorer and stay out of the rate, so only decided attempts name one.
const DECIDING_SCORER = `CASE WHEN a.outcome IN ('success', 'failure') THEN s.hash || ':' || s.name END`;

type CellRow = Omit<CellComponents, 'goals' | 'chains' | 'scorers'> & { goals: string; chains: string; scorers: string };

// Hashes are hex, so 'hash:name' splits unambiguously at the first colon whatever the name holds.
function named(json: string): NamedHash[] {
  return (JSON.parse(json) as (string | null)[])
    .filter((entry): entry is string => entry !== null)
    .map((entry) => ({ hash: entry.slice(0, entry.indexOf(':')), name: entry.slice(entry.indexOf(':') + 1) }));
}

/**
 * Outcome counts per cell with the exact components behind them, aggregated in SQL: the technique hash, the
 * goal and converter-chain hashes attempted, and the scorers that decided the decided attempts.
 */
export function cellComponents(db: Db, runId: string): CellComponents[] {
  const rows = db.prepare(
    `SELECT t.name AS technique, t.registry_id AS techniqueId, t.hash AS techniqueHash, c.name AS chain, a.category, a.persona,
       ${OUTCOME_COUNTS},
       json_group_array(DISTINCT g.hash ORDER BY g.hash) AS goals,
       json_group_array(DISTINCT c.hash || ':' || c.name ORDER BY c.hash || ':' || c.name) AS chains,
       json_group_array(DISTINCT ${DECIDING_SCORER} ORDER BY ${DECIDING_SCORER}) AS scorers
     FROM attempts a
     JOIN components t ON t.ref = a.technique_ref JOIN components g ON g.ref = a.goal_ref JOIN components c ON c.ref = a.chain_ref
     LEFT JOIN components s ON s.ref = a.scorer_ref ${REVIEW_JOIN}
     WHERE a.run_id = ? GROUP BY a.technique_ref, a.chain_ref, a.category, a.persona ORDER BY t.name, c.name, a.category, a.persona`,
  ).all(runId) as CellRow[];
  return rows.map((row) => ({
    ...row,
    goals: JSON.parse(row.goals) as string[],
    chains: named(row.chains),
    scorers: named(row.scorers),
  }));
}
