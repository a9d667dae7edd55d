import type { Db } from './db.js';
import { eventsFromTurns } from './events-from-turns.js';
import { indexSearchText } from './search-index.js';

/** One schema step; `version` is stored in SQLite's `user_version`. */
export type Migration = {
  /** The schema version this step brings the database to. */
  readonly version: number;
  /** The DDL (and set-based data changes) of the step. */
  readonly sql: string;
  /** Data changes SQL cannot express, run after `sql` in the same transaction. */
  readonly run?: (db: Db) => void;
};

/** Every schema step, oldest first. Never edit a released step: add a new one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        finished_at INTEGER,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
        target_id TEXT NOT NULL,
        target_hash TEXT NOT NULL,
        simulated INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        planned INTEGER NOT NULL,
        trials INTEGER NOT NULL,
        config_json TEXT NOT NULL,
        base_dir TEXT NOT NULL,
        hashes_json TEXT NOT NULL,
        redline_version TEXT NOT NULL
      );
      -- Content-addressed components: every attempt points at the exact goal, technique, chain and scorer it used.
      CREATE TABLE components (
        ref INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('goal', 'technique', 'chain', 'scorer')),
        name TEXT NOT NULL,
        hash TEXT NOT NULL,
        spec_json TEXT NOT NULL,
        UNIQUE (kind, hash)
      );
      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id),
        seq INTEGER NOT NULL,
        goal_ref INTEGER NOT NULL REFERENCES components(ref),
        technique_ref INTEGER NOT NULL REFERENCES components(ref),
        chain_ref INTEGER NOT NULL REFERENCES components(ref),
        scorer_ref INTEGER REFERENCES components(ref),
        trial INTEGER NOT NULL,
        category TEXT NOT NULL,
        persona TEXT NOT NULL CHECK (persona IN ('malicious', 'benign')),
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'error', 'unscored')),
        error_kind TEXT,
        error_message TEXT,
        retries INTEGER NOT NULL,
        latency_ms REAL NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        UNIQUE (run_id, seq)
      );
      CREATE TABLE turns (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        idx INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        original TEXT,
        PRIMARY KEY (attempt_id, idx)
      ) WITHOUT ROWID;
      CREATE TABLE scores (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        scorer_ref INTEGER NOT NULL REFERENCES components(ref),
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'failure', 'unscored')),
        label TEXT NOT NULL,
        value REAL,
        reason TEXT NOT NULL,
        PRIMARY KEY (attempt_id, scorer_ref)
      ) WITHOUT ROWID;
      CREATE INDEX attempts_by_cell ON attempts (run_id, technique_ref, category, persona, outcome);
      CREATE INDEX runs_by_target ON runs (target_hash, created_at);
    `,
  },
  {
    version: 2,
    // Low-resource-language attacks: the reply as scorers read it, translated back to English.
    sql: `ALTER TABLE turns ADD COLUMN interpreted TEXT;`,
  },
  {
    version: 3,
    // Human review labels, stored beside the machine scores and preferred over them in summaries.
    sql: `
      CREATE TABLE reviews (
        attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id),
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'failure')),
        reviewer TEXT,
        note TEXT,
        reviewed_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    // Multi-turn attempts: who wrote each turn, its branch, abandoned branches, and per-attempt conversation metrics.
    sql: `
      ALTER TABLE turns ADD COLUMN source TEXT;
      ALTER TABLE turns ADD COLUMN node TEXT;
      ALTER TABLE turns ADD COLUMN pruned INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE attempts ADD COLUMN turns_used INTEGER;
      ALTER TABLE attempts ADD COLUMN backtracks INTEGER;
      ALTER TABLE attempts ADD COLUMN reached_at INTEGER;
      ALTER TABLE attempts ADD COLUMN attacker_tokens INTEGER;
    `,
  },
  {
    version: 5,
    // The attempt becomes a typed event log: one events table (type + JSON body) replaces turns and scores, so new
    // kinds of content (tool calls, planted documents, target-call metadata) need no new columns. Technique and
    // scorer rows get their registry id, so reports never parse it back out of a display name.
    sql: `
      ALTER TABLE components ADD COLUMN registry_id TEXT;
      UPDATE components SET registry_id = json_extract(spec_json, '$.id') WHERE kind IN ('technique', 'scorer');
      UPDATE components SET registry_id = name WHERE kind IN ('goal', 'chain');
      CREATE TABLE events (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        idx INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('message', 'target-call', 'conversion', 'score', 'error')),
        body TEXT NOT NULL,
        PRIMARY KEY (attempt_id, idx)
      ) WITHOUT ROWID;
    `,
    run: (db) => {
      eventsFromTurns(db);
      db.exec('DROP TABLE turns; DROP TABLE scores;');
    },
  },
  {
    version: 6,
    // What the preflight skipped or adapted before the first send, and why a run stopped without measuring.
    sql: `
      ALTER TABLE runs ADD COLUMN preflight_json TEXT;
      ALTER TABLE runs ADD COLUMN failure_json TEXT;
    `,
  },
  {
    version: 7,
    // Who is executing a run: one process at a time, so two resumes never send (and spend) twice.
    sql: `
      CREATE TABLE run_locks (
        run_id TEXT PRIMARY KEY REFERENCES runs(id),
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        acquired_at INTEGER NOT NULL,
        heartbeat_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 8,
    // Whether an attempt's token counts are estimates (the target reported none): cost is then marked estimated.
    sql: `ALTER TABLE attempts ADD COLUMN usage_estimated INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 9,
    // A run's review sample: attempts drawn at random within each judge verdict for a person to label, in review
    // order; with their labels (reviews) it corrects the run's rates for the judge's errors.
    sql: `
      CREATE TABLE review_samples (
        attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id),
        run_id TEXT NOT NULL REFERENCES runs(id),
        stratum TEXT NOT NULL CHECK (stratum IN ('success', 'failure')),
        position INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        drawn_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX review_samples_order ON review_samples (run_id, position);
    `,
  },
  {
    version: 10,
    // The dashboard: a full-text index over each attempt's prompts and replies (contentless: it holds the words, not a
    // second copy of the text), every reviewer's label kept for agreement (reviews keeps the one summaries count), and
    // an index for listing a run's attempts by outcome.
    sql: `
      CREATE VIRTUAL TABLE attempt_search USING fts5(prompt, reply, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
      CREATE TABLE review_labels (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        reviewer TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'failure')),
        note TEXT,
        labeled_at INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, reviewer)
      ) WITHOUT ROWID;
      INSERT INTO review_labels (attempt_id, reviewer, verdict, note, labeled_at)
        SELECT attempt_id, COALESCE(reviewer, ''), verdict, note, reviewed_at FROM reviews;
    `,
    run: (db) => indexSearchText(db),
  },
];
