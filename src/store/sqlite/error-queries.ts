import type { ErrorExample, ErrorKindCounts } from '../../core/error-counts.js';
import type { Db } from './db.js';

/** Attempts that ended in an error, by kind (most frequent first), each with its first `perKind` attempts in plan order. */
export function errorCounts(db: Db, input: { runId: string; perKind: number }): ErrorKindCounts[] {
  const kinds = db.prepare(
    `SELECT error_kind AS kind, COUNT(*) AS attempts FROM attempts
     WHERE run_id = ? AND error_kind IS NOT NULL GROUP BY error_kind ORDER BY attempts DESC, kind`,
  ).all(input.runId) as { kind: string; attempts: number }[];
  const rows = db.prepare(
    `SELECT * FROM (
       SELECT a.error_kind AS kind, a.seq, g.name AS goalId, t.name AS technique, c.name AS chain, a.category, COALESCE(a.error_message, '') AS message,
              ROW_NUMBER() OVER (PARTITION BY a.error_kind ORDER BY a.seq) AS rank
       FROM attempts a JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
       WHERE a.run_id = ? AND a.error_kind IS NOT NULL)
     WHERE rank <= ? ORDER BY seq`,
  ).all(input.runId, input.perKind) as (ErrorExample & { kind: string; rank: number })[];
  return kinds.map(({ kind, attempts }) => ({
    kind, attempts,
    examples: rows.filter((r) => r.kind === kind).map(({ seq, goalId, technique, chain, category, message }) => ({ seq, goalId, technique, chain, category, message })),
  }));
}
