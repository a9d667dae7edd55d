import type { ComponentSpec } from '../../core/component-ref.js';
import { StoreError } from '../../core/errors.js';
import type { StoredRun } from '../../core/run.js';
import type { RunRecords } from '../../core/run-store.js';
import { runFromRow, type RunRow } from '../run-from-row.js';
import { inTransaction, run as query, type Pg } from './db.js';

/** Registers components not stored yet, in (kind, hash) order so concurrent registrations never deadlock. */
function insertComponents(components: readonly ComponentSpec[]): { sql: string; params: unknown[] } {
  const sorted = [...components].sort((x, y) => (x.kind === y.kind ? (x.hash < y.hash ? -1 : x.hash > y.hash ? 1 : 0) : x.kind < y.kind ? -1 : 1));
  return {
    sql: `INSERT INTO components (kind, name, hash, spec_json, registry_id)
          SELECT kind, name, hash, spec, id FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(kind, name, hash, spec, id, n)
          ORDER BY n ON CONFLICT (kind, hash) DO NOTHING`,
    params: [sorted.map((c) => c.kind), sorted.map((c) => c.instance), sorted.map((c) => c.hash), sorted.map((c) => JSON.stringify(c.spec)), sorted.map((c) => c.id)],
  };
}

/** Runs in PostgreSQL: create (with its components, in one transaction), read, list, mark. */
export function postgresRunRecords(db: Pg): RunRecords {
  const get = async (id: string): Promise<StoredRun | undefined> => {
    const [row] = await query<RunRow>(db, { action: `read run ${id}`, sql: 'SELECT * FROM runs WHERE id = $1', params: [id] });
    return row === undefined ? undefined : runFromRow(row);
  };
  return {
    create: async ({ run, components }) => {
      await inTransaction(db, 'create the run', async (client) => {
        await client.query(
          `INSERT INTO runs (id, created_at, finished_at, status, target_id, target_hash, simulated, seed, planned, trials, config_json, base_dir, hashes_json, redline_version, preflight_json)
           VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [run.id, run.createdAt, run.status, run.targetId, run.hashes.target, run.simulated, run.seed, run.planned, run.trials,
            JSON.stringify(run.config), run.baseDir, JSON.stringify(run.hashes), run.redlineVersion, run.preflight === undefined ? null : JSON.stringify(run.preflight)],
        );
        const insert = insertComponents(components);
        if (components.length > 0) await client.query(insert.sql, insert.params);
      });
    },
    get,
    require: async (id) => {
      const found = await get(id);
      if (found === undefined) throw new StoreError(`no run with id ${id} in ${db.location}`, { file: db.location, hint: 'list the stored runs with `redline runs`' });
      return found;
    },
    list: async () => (await query<RunRow>(db, { action: 'list runs', sql: 'SELECT * FROM runs ORDER BY created_at DESC, id DESC' })).map(runFromRow),
    setStatus: async (input) => {
      // A run marked anew forgets an earlier failure (a resume that gets through); a failure is set with its 'failed'.
      await query(db, {
        action: `mark run ${input.id} ${input.status}`,
        sql: 'UPDATE runs SET status = $1, finished_at = $2, failure_json = $3 WHERE id = $4',
        params: [input.status, input.status === 'running' ? null : input.at, input.failure === undefined ? null : JSON.stringify(input.failure), input.id],
      });
    },
  };
}
