import type { AttemptView } from '../../src/core/run-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-run-store.js';

/** Every recorded attempt of every run in a database, in plan order, read through the RunStore interface. */
export async function storedAttempts(file: string): Promise<AttemptView[]> {
  const store = openSqliteStore(file);
  try {
    const views: AttemptView[] = [];
    for (const run of (await store.runs.list()).reverse()) {
      for (let seq = 0; seq < run.planned; seq += 1) {
        const view = await store.attempts.get({ runId: run.id, seq });
        if (view !== undefined) views.push(view);
      }
    }
    return views;
  } finally {
    await store.close();
  }
}

/** An attempt's turns as rows: role, content and source (null when none), as the tests compare them. */
export function turnRows(view: AttemptView): { role: string; content: string; source: string | null }[] {
  return view.turns.map((t) => ({ role: t.role, content: t.content, source: t.source ?? null }));
}
