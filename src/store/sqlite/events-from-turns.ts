import type { AttemptEvent } from '../../core/event.js';
import type { Role } from '../../core/message.js';
import type { Verdict } from '../../core/outcome.js';
import { encodeEvent } from '../event-codec.js';
import type { Db } from './db.js';

type AttemptRow = { id: number; scorer_ref: number | null; chain: string; error_kind: string | null; error_message: string | null };
type TurnRow = { role: Role; content: string; original: string | null; interpreted: string | null; source: string | null; node: string | null; pruned: number };
type ScoreRow = { scorer_ref: number; name: string; verdict: Verdict; label: string; value: number | null; reason: string };

/** The events a schema-4 attempt's turns and scores stand for, in order: conversions, messages, scores, its error. */
function legacyEvents(attempt: AttemptRow, turns: readonly TurnRow[], scores: readonly ScoreRow[]): AttemptEvent[] {
  const events: AttemptEvent[] = [];
  for (const t of turns) {
    if (t.original !== null) {
      const by = attempt.chain === 'none' ? 'translation' : 'converters';
      events.push({ type: 'conversion', by, chain: by === 'converters' ? attempt.chain : 'unknown', of: 'prompt', before: t.original, after: t.content });
    }
    events.push({
      type: 'message', role: t.role, parts: t.content === '' ? [] : [{ type: 'text', text: t.content }],
      ...(t.source === null ? {} : { source: t.source as 'attacker' }), ...(t.node === null ? {} : { node: t.node }), ...(t.pruned === 1 ? { pruned: true } : {}),
    });
    if (t.interpreted !== null) events.push({ type: 'conversion', by: 'translation', chain: 'English', of: 'reply', before: t.content, after: t.interpreted });
  }
  for (const s of scores) {
    const score = { scorerId: s.name, verdict: s.verdict, label: s.label, ...(s.value === null ? {} : { value: s.value }), reason: s.reason };
    events.push({ type: 'score', score, deciding: s.scorer_ref === attempt.scorer_ref });
  }
  if (attempt.error_kind !== null) events.push({ type: 'error', kind: attempt.error_kind, message: attempt.error_message ?? '' });
  return events;
}

/** Migration 5's data step: rewrites every stored attempt's turns and scores as its event log, a batch at a time. */
export function eventsFromTurns(db: Db): void {
  const page = db.prepare(
    `SELECT a.id, a.scorer_ref, c.name AS chain, a.error_kind, a.error_message FROM attempts a JOIN components c ON c.ref = a.chain_ref
     WHERE a.id > ? ORDER BY a.id LIMIT 500`,
  );
  const turns = db.prepare('SELECT role, content, original, interpreted, source, node, pruned FROM turns WHERE attempt_id = ? ORDER BY idx');
  const scores = db.prepare(
    'SELECT s.scorer_ref, c.name, s.verdict, s.label, s.value, s.reason FROM scores s JOIN components c ON c.ref = s.scorer_ref WHERE s.attempt_id = ? ORDER BY c.name',
  );
  const insert = db.prepare('INSERT INTO events (attempt_id, idx, type, body) VALUES (?, ?, ?, ?)');
  for (let after = 0; ;) {
    const rows = page.all(after) as AttemptRow[];
    if (rows.length === 0) return;
    for (const attempt of rows) {
      const events = legacyEvents(attempt, turns.all(attempt.id) as TurnRow[], scores.all(attempt.id) as ScoreRow[]);
      events.forEach((event, idx) => {
        const stored = encodeEvent(event);
        insert.run(attempt.id, idx, stored.type, stored.body);
      });
    }
    after = rows[rows.length - 1]!.id;
  }
}
