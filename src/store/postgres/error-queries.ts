import type { ErrorExample, ErrorKindCounts } from '../../core/error-counts.js';
import { run, type Pg } from './db.js';

/** Attempts that ended in an error, by kind (most frequent first), each with its first `perKind` attempts in plan order. */
export async function errorCounts(db: Pg, input: { runId: string; perKind: number }): Promise<ErrorKindCounts[]> {
  const action = `count the errors of run ${input.runId}`;
  const kinds = await run<{ kind: string; attempts: number }>(db, {
    action,
    sql: `SELECT error_kind AS kind, COUNT(*) AS attempts FROM attempts
          WHERE run_id = $1 AND error_kind IS NOT NULL GROUP BY error_kind ORDER BY attempts DESC, kind`,
    params: [input.runId],
  });
  if (kinds.length === 0) return [];
  // Each kind's first positions from the errors index (run, kind, seq), a few entries per kind.
  const rows = await run<ErrorExample & { kind: string }>(db, {
    action,
    sql: `SELECT k.kind, a.seq, g.name AS "goalId", t.name AS technique, c.name AS chain, a.category, COALESCE(a.error_message, '') AS message
          FROM unnest($2::text[]) AS k(kind)
            CROSS JOIN LATERAL (SELECT * FROM attempts WHERE run_id = $1 AND error_kind = k.kind ORDER BY seq LIMIT $3) a
            JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
          ORDER BY a.seq`,
    params: [input.runId, kinds.map((k) => k.kind), input.perKind],
  });
  return kinds.map(({ kind, attempts }) => ({
    kind, attempts,
    examples: rows.filter((r) => r.kind === kind).map(({ seq, goalId, technique, chain, category, message }) => ({ seq, goalId, technique, chain, category, message })),
  }));
}
