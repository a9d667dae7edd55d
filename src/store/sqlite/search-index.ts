import type { AttemptEvent } from '../../core/event.js';
import { searchTextOf } from '../../core/search-text.js';
import type { Db } from './db.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';

/** Inserts one attempt's words into the full-text index (rowid = the attempt's row id). */
export function searchInserter(db: Db): (attemptId: number | bigint, events: readonly AttemptEvent[]) => void {
  const insert = db.prepare('INSERT INTO attempt_search (rowid, prompt, reply) VALUES (?, ?, ?)');
  return (attemptId, events) => {
    const text = searchTextOf(events);
    insert.run(attemptId, text.prompt, text.reply);
  };
}

/** Indexes every stored attempt's words (the migration that adds the index; attempts written later index themselves). */
export function indexSearchText(db: Db): void {
  const index = searchInserter(db);
  const events = db.prepare('SELECT type, body FROM events WHERE attempt_id = ? ORDER BY idx');
  // Ids first: a statement still iterating keeps the connection busy for the inserts.
  for (const id of db.prepare('SELECT id FROM attempts ORDER BY id').pluck().all() as number[]) {
    index(id, (events.all(id) as StoredEvent[]).map(decodeEvent));
  }
}
